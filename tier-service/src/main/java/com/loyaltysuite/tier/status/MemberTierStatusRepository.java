package com.loyaltysuite.tier.status;

import org.springframework.data.jpa.repository.JpaRepository;

/** Members' standings, as {@link MemberTierProjection} wrote them. */
interface MemberTierStatusRepository extends JpaRepository<MemberTierStatus, String> {

    long countByTier(String tier);
}
