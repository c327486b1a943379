package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.MemberId;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The record of every message decided on. Not a projection to rebuild: it records what was done in
 * the world (mails sent), so that it is never done twice.
 */
@Component
public class DeliveryLog {

    private final NotificationDeliveryRepository deliveries;

    DeliveryLog(NotificationDeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @QueryHandler
    List<DeliveryView> handle(FindDeliveries query) {
        return deliveries.findByMemberIdOrderByRecordedAtDescNotificationIdDesc(query.memberId().value()).stream()
                .map(NotificationDelivery::view)
                .toList();
    }

    /** On erasure the log keeps what was sent and when, but no longer to which address. */
    public void forgetRecipients(MemberId memberId) {
        deliveries.forgetRecipients(memberId.value());
    }
}
