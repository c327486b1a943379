package com.loyaltysuite.tier.status;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Members' tier histories, as {@link TierHistoryProjection} wrote them. */
interface TierDecisionRecordRepository extends JpaRepository<TierDecisionRecord, String> {

    List<TierDecisionRecord> findByMemberIdOrderBySequenceNumber(String memberId);
}
