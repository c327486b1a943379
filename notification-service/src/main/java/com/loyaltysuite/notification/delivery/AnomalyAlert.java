package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.anomaly.AnomalyDetected;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The anomaly alert (异常监控, trigger {@value #NAME}): each {@code AnomalyDetected} from member-service
 * is emailed to the operations contact ({@code loyalty.notification.operations.recipients}), with the
 * rule, the member, the orders and the window. Recorded in the consumer's transaction and sent by the
 * email dispatcher like any delivery; its id comes from the event's, so a redelivery sends nothing
 * more. No address configured, no alert.
 */
@Component
public class AnomalyAlert implements OperationalMessage {

    static final String NAME = "anomaly-alert";
    static final String RECIPIENTS = "operations";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NotificationProperties properties;
    private final Clock clock;
    private final Notifier notifier;
    private final List<String> recipients;

    AnomalyAlert(
            NotificationProperties properties,
            Clock clock,
            Notifier notifier,
            @Value("${loyalty.notification.operations.recipients:}") List<String> recipients) {
        this.properties = properties;
        this.clock = clock;
        this.notifier = notifier;
        this.recipients = recipients.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
    }

    /** Records the alert for the operations contact, in the caller's transaction. */
    public void decide(AnomalyDetected anomaly, String eventId) {
        if (recipients.isEmpty() || !properties.enabled(NAME)) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("rule", anomaly.rule().name());
        facts.put("member", anomaly.memberId().value());
        facts.put("orders", String.join(", ", anomaly.orderIds().stream().map(OrderId::value).toList()));
        facts.put("observed", anomaly.observed());
        facts.put("threshold", anomaly.threshold());
        facts.put("unit", anomaly.unit());
        facts.put("windowStart", LOCAL_TIME.format(anomaly.windowStart().atZone(properties.zone())));
        facts.put("windowEnd", LOCAL_TIME.format(anomaly.windowEnd().atZone(properties.zone())));
        facts.put("description", anomaly.description());
        notifier.recordForRecipients(this, MessageIds.of(eventId, Channel.EMAIL, NAME), RECIPIENTS, anomaly.programId(),
                eventId, recipients, facts, now);
    }

    @Override
    public String name() {
        return NAME;
    }
}
