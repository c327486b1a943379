package com.loyaltysuite.tier.status;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Members' qualifying orders net of refunds, as {@link MemberTierProjection} wrote them. */
interface MemberTierOrderRepository extends JpaRepository<MemberTierOrder, MemberTierOrder.Key> {

    List<MemberTierOrder> findByMemberId(String memberId);
}
