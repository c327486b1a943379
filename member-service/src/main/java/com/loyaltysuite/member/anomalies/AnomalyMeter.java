package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.support.meters.CountAfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Counts anomalies as they are detected, by rule (never by member: one time series per rule). A
 * subscribing processing group: it sees each new {@link AnomalyRecorded} in the transaction that
 * records it, counts once that commits, and never sees replays.
 */
@Component
@ProcessingGroup(AnomalyMeter.PROCESSING_GROUP)
class AnomalyMeter {

    static final String PROCESSING_GROUP = "anomaly-meter";
    static final String METER = "loyalty.member.anomalies.detected";

    private final MeterRegistry meters;

    AnomalyMeter(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventHandler
    void on(AnomalyRecorded event) {
        Counter counter = Counter.builder(METER)
                .description("Anomalies detected on the payment stream, by rule")
                .tag("rule", event.rule().name())
                .register(meters);
        CountAfterCommit.increment(counter);
    }
}
