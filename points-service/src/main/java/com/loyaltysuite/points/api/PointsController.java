package com.loyaltysuite.points.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.ledger.FindPointsBalance;
import com.loyaltysuite.points.ledger.PointsBalanceView;
import com.loyaltysuite.support.web.UnknownResourceException;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PointsController {

    private final QueryGateway queries;

    PointsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/members/{memberId}/points")
    PointsBalanceView balance(@PathVariable String memberId) {
        Optional<PointsBalanceView> view = queries.query(
                        new FindPointsBalance(MemberId.of(memberId)), ResponseTypes.optionalInstanceOf(PointsBalanceView.class))
                .join();
        return view.orElseThrow(() -> new NoPointsAccountException(memberId));
    }

    static class NoPointsAccountException extends UnknownResourceException {

        NoPointsAccountException(String memberId) {
            super("Member " + memberId + " has no points account yet");
        }

        @Override
        public String code() {
            return "points-account-not-found";
        }
    }
}
