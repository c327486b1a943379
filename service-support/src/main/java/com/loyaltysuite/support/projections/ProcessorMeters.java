package com.loyaltysuite.support.projections;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How each of the service's event processors (projections, the outbox relay) keeps up, per instance:
 * {@code loyalty.processor.lag} is how many events of the store it still has to handle (NaN on an
 * instance that holds none of its segments), {@code loyalty.processor.running} and
 * {@code loyalty.processor.error} its state. The relay's lag is events stored and not yet on Kafka.
 */
public class ProcessorMeters {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    public ProcessorMeters(EventProcessingConfiguration processing, JdbcTemplate jdbc, MeterRegistry meters) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("loyalty.processor.lag", streaming, this::lag)
                        .description("Events in the store this processor has not handled yet, on this instance")
                        .tag("processor", name)
                        .register(meters);
                Gauge.builder("loyalty.processor.error", streaming, p -> p.processingStatus().values().stream()
                                .anyMatch(EventTrackerStatus::isErrorState) ? 1 : 0)
                        .description("1 while a segment of this processor is in error and being retried")
                        .tag("processor", name)
                        .register(meters);
            }
            Gauge.builder("loyalty.processor.running", processor, p -> p.isRunning() ? 1 : 0)
                    .description("1 while the processor runs on this instance")
                    .tag("processor", name)
                    .register(meters);
        });
    }

    private double lag(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        long behind = Long.MAX_VALUE;
        for (EventTrackerStatus status : segments.values()) {
            OptionalLong position = status.getCurrentPosition();
            behind = Math.min(behind, position.orElse(-1));
        }
        Long head = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
        return Math.max(0, (head == null ? -1 : head) - behind);
    }
}
