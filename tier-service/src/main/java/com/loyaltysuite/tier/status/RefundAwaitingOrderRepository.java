package com.loyaltysuite.tier.status;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Refunds still waiting for their order, as {@link MemberTierProjection} wrote them. */
interface RefundAwaitingOrderRepository extends JpaRepository<RefundAwaitingOrder, RefundAwaitingOrder.Key> {

    List<RefundAwaitingOrder> findByMemberIdOrderByRefundedAtAscRefundIdAsc(String memberId);
}
