package com.loyaltysuite.points.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.ledger.FindPointsBalance;
import com.loyaltysuite.points.ledger.FindPointsLedger;
import com.loyaltysuite.points.ledger.PointsBalanceView;
import com.loyaltysuite.points.ledger.PointsLedgerView;
import com.loyaltysuite.support.domain.UnknownResourceException;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What members and support staff ask: the balance and the ledger. */
@Tag(name = "Points", description = "A member's balance and ledger")
@RestController
class PointsController {

    private final QueryGateway queries;

    PointsController(QueryGateway queries) {
        this.queries = queries;
    }

    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @Operation(summary = "A member's points balance", description = "Available, pending and reserved points, and the next expiry.")
    @GetMapping("/members/{memberId}/points")
    PointsBalanceView balance(@PathVariable @ValidMemberId String memberId) {
        Optional<PointsBalanceView> view = queries.query(
                        new FindPointsBalance(MemberId.of(memberId)), ResponseTypes.optionalInstanceOf(PointsBalanceView.class))
                .join();
        return view.orElseThrow(() -> new NoPointsAccountException(memberId));
    }

    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @Operation(summary = "A member's points ledger, newest first", description = "Every earning, redemption, expiry, reversal and adjustment, a page at a time.")
    @GetMapping("/members/{memberId}/points/ledger")
    PointsLedgerView ledger(
            @PathVariable @ValidMemberId String memberId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Optional<PointsLedgerView> view = queries.query(
                        new FindPointsLedger(MemberId.of(memberId), page, size),
                        ResponseTypes.optionalInstanceOf(PointsLedgerView.class))
                .join();
        return view.orElseThrow(() -> new NoPointsAccountException(memberId));
    }

    /** The read side has no account for the member: the API's answer to an empty query result. */
    static class NoPointsAccountException extends UnknownResourceException {

        NoPointsAccountException(String memberId) {
            super("points-account-not-found", "Member " + memberId + " has no points account yet");
        }
    }
}
