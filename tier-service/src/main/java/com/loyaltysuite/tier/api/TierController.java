package com.loyaltysuite.tier.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.tier.ladder.TierLadder;
import com.loyaltysuite.tier.status.FindMemberTier;
import com.loyaltysuite.tier.status.MemberTierView;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TierController {

    private final QueryGateway queries;
    private final TierLadder ladder;

    TierController(QueryGateway queries, TierLadder ladder) {
        this.queries = queries;
        this.ladder = ladder;
    }

    @GetMapping("/members/{memberId}/tier")
    MemberTierView memberTier(@PathVariable String memberId) {
        Optional<MemberTierView> view = queries.query(
                        new FindMemberTier(MemberId.of(memberId)), ResponseTypes.optionalInstanceOf(MemberTierView.class))
                .join();
        return view.orElseThrow(() -> new MemberTierNotFoundException(memberId));
    }

    /** The ladder in force: what each tier takes, and how long it is held. */
    @GetMapping("/tiers")
    LadderView tiers() {
        return LadderView.of(ladder);
    }
}
