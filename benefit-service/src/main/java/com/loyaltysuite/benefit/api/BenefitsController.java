package com.loyaltysuite.benefit.api;

import com.loyaltysuite.benefit.wallet.BenefitView;
import com.loyaltysuite.benefit.wallet.FindMemberBenefits;
import com.loyaltysuite.events.MemberId;
import jakarta.validation.constraints.NotBlank;
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
    @GetMapping("/members/{memberId}/benefits")
    List<BenefitView> benefits(@PathVariable @NotBlank String memberId) {
        return queries.query(
                        new FindMemberBenefits(MemberId.of(memberId)), ResponseTypes.multipleInstancesOf(BenefitView.class))
                .join();
    }
}
