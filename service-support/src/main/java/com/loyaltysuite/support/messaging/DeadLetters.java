package com.loyaltysuite.support.messaging;

import com.loyaltysuite.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Sends a record to {@code <topic>.DLT} with the reason in spring-kafka's {@code kafka_dlt-exception-*}
 * headers and counts it in {@code loyalty.<service>.events.dead.lettered}: the one way a consumer
 * gives up on a record, whether the error handler or the listener itself decides so.
 */
public class DeadLetters {

    private final DeadLetterPublishingRecoverer publisher;
    private final MeterRegistry meters;
    private final String meterName;

    public DeadLetters(KafkaOperations<?, ?> template, MeterRegistry meters, String serviceName) {
        // Partition -1: let the key choose, so a DLT may have fewer partitions than its source topic.
        this.publisher = new DeadLetterPublishingRecoverer(
                template, (record, ex) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        this.meters = meters;
        this.meterName = "loyalty." + serviceName + ".events.dead.lettered";
    }

    /** Publishes and waits for the broker's acknowledgement; throws if it does not come. */
    public void send(ConsumerRecord<?, ?> record, Exception reason) {
        Counter.builder(meterName)
                .description("Records sent to a dead-letter topic, by source topic and reason")
                .tag("topic", record.topic())
                .tag("reason", rootCause(reason).getClass().getSimpleName())
                .register(meters)
                .increment();
        publisher.accept(record, reason);
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null
                && (t instanceof ListenerExecutionFailedException
                        || t instanceof org.springframework.kafka.listener.BatchListenerFailedException
                        || t.getClass().getName().contains("LinkedException"))) {
            t = t.getCause();
        }
        return t;
    }
}
