package com.loyaltysuite.notification.contact;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberContactRepository extends JpaRepository<MemberContact, String> {}
