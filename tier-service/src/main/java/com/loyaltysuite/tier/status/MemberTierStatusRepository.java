package com.loyaltysuite.tier.status;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MemberTierStatusRepository extends JpaRepository<MemberTierStatus, String> {

    long countByTier(String tier);
}

interface MemberTierOrderRepository extends JpaRepository<MemberTierOrder, MemberTierOrder.Key> {

    List<MemberTierOrder> findByMemberId(String memberId);
}

interface TierDecisionRecordRepository extends JpaRepository<TierDecisionRecord, String> {

    List<TierDecisionRecord> findByMemberIdOrderBySequenceNumber(String memberId);
}

interface RefundAwaitingOrderRepository extends JpaRepository<RefundAwaitingOrder, RefundAwaitingOrder.Key> {

    List<RefundAwaitingOrder> findByMemberIdOrderByRefundedAtAscRefundIdAsc(String memberId);
}
