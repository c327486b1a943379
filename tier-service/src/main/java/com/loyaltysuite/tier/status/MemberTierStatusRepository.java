package com.loyaltysuite.tier.status;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberTierStatusRepository extends JpaRepository<MemberTierStatus, String> {

    long countByTier(String tier);
}
