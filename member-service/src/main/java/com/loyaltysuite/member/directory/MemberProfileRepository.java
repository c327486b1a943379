package com.loyaltysuite.member.directory;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberProfileRepository extends JpaRepository<MemberProfile, String> {}
