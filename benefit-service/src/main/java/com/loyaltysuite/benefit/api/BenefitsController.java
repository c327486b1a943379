package com.loyaltysuite.benefit.api;

import com.loyaltysuite.benefit.wallet.BenefitView;
import com.loyaltysuite.benefit.wallet.FindMemberBenefits;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class BenefitsController {

    private final QueryGateway queries;

    BenefitsController(QueryGateway queries) {
        this.queries = queries;
    }

    /** Every member has a (possibly empty) set of benefits, so an unknown member is an empty list, not a 404. */
    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @GetMapping("/members/{memberId}/benefits")
    List<BenefitView> benefits(@PathVariable @ValidMemberId String memberId) {
        return queries.query(
                        new FindMemberBenefits(MemberId.of(memberId)), ResponseTypes.multipleInstancesOf(BenefitView.class))
                .join();
    }
}
