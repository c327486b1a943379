package com.loyaltysuite.notification.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.notification.delivery.DeliveryView;
import com.loyaltysuite.notification.delivery.FindDeliveries;
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
class NotificationController {

    private final QueryGateway queries;

    NotificationController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The member's delivery log, newest first; empty (not 404) for a member never notified. */
    @GetMapping("/members/{memberId}/notifications")
    List<DeliveryView> deliveries(@PathVariable @NotBlank String memberId) {
        return queries.query(new FindDeliveries(MemberId.of(memberId)), ResponseTypes.multipleInstancesOf(DeliveryView.class))
                .join();
    }
}
