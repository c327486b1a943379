package com.loyaltysuite.notification.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.notification.delivery.DeliveryView;
import com.loyaltysuite.notification.delivery.FindDeliveries;
import com.loyaltysuite.support.apidocs.NeverNotFound;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notifications", description = "What was sent to members")
@RestController
@Validated
class NotificationController {

    private final QueryGateway queries;

    NotificationController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The member's delivery log, newest first; empty (not 404) for a member never notified. */
    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @Operation(summary = "A member's delivery log, newest first", description = "Every email and SMS sent, waiting or given up, with its status; empty (not 404) for a member never notified.")
    @NeverNotFound
    @GetMapping("/members/{memberId}/notifications")
    List<DeliveryView> deliveries(@PathVariable @ValidMemberId String memberId) {
        return queries.query(new FindDeliveries(MemberId.of(memberId)), ResponseTypes.multipleInstancesOf(DeliveryView.class))
                .join();
    }
}
