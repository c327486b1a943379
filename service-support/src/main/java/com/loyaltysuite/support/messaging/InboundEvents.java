package com.loyaltysuite.support.messaging;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.support.inbox.Inbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a service applies a Kafka record: decode and validate the CloudEvent (an invalid one
 * throws and is dead-lettered), then, in one database transaction, record its id in the inbox and
 * let the handler change state. A duplicate id is skipped.
 */
public class InboundEvents {

    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final String meterName;

    public InboundEvents(Inbox inbox, TransactionTemplate transaction, MeterRegistry meters, String serviceName) {
        this.inbox = inbox;
        this.transaction = transaction;
        this.meters = meters;
        this.meterName = "loyalty." + serviceName + ".events.consumed";
    }

    /**
     * @param consumer names the reaction (e.g. {@code earning}); two reactions to one event are
     *     deduplicated separately
     */
    public void apply(
            String consumer, ConsumerRecord<String, byte[]> record, Consumer<EventEnvelope<IntegrationEvent>> handler) {
        EventEnvelope<IntegrationEvent> envelope = CloudEventCodec.fromRecord(record);
        boolean applied = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!inbox.firstDelivery(consumer, envelope.id(), record.topic())) {
                return false;
            }
            handler.accept(envelope);
            return true;
        }));
        counter(envelope.type().ceType(), applied ? "applied" : "duplicate").increment();
    }

    private Counter counter(String type, String outcome) {
        return Counter.builder(meterName)
                .description("Events consumed from Kafka, by type and outcome")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(meters);
    }
}
