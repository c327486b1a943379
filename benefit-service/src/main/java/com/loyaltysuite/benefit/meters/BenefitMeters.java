package com.loyaltysuite.benefit.meters;

import com.loyaltysuite.benefit.grant.CouponIssued;
import com.loyaltysuite.benefit.grant.CouponUsed;
import com.loyaltysuite.benefit.grant.StandingBenefitGiven;
import com.loyaltysuite.benefit.grant.UpgradeGiftGranted;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.support.meters.CountAfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * {@code loyalty.benefits.granted{type}} and {@code loyalty.benefits.redeemed{type}}, {@code type} being
 * the benefit's kind (a closed enum): the facts that go out as {@code BenefitGranted} and
 * {@code BenefitRedeemed}. A subscribing processing group sees each once, in the transaction that
 * appends it, never on a replay or rebuild; the count is added once that commits.
 */
@Component
@ProcessingGroup(BenefitMeters.PROCESSING_GROUP)
class BenefitMeters {

    static final String PROCESSING_GROUP = "benefit-meters";
    static final String GRANTED = "loyalty.benefits.granted";
    static final String REDEEMED = "loyalty.benefits.redeemed";

    private final MeterRegistry meters;

    BenefitMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventHandler
    void on(UpgradeGiftGranted event) {
        count(GRANTED, event.kind());
    }

    @EventHandler
    void on(StandingBenefitGiven event) {
        count(GRANTED, event.kind());
    }

    @EventHandler
    void on(CouponIssued event) {
        count(GRANTED, event.kind());
    }

    @EventHandler
    void on(CouponUsed event) {
        count(REDEEMED, event.kind());
    }

    private void count(String name, BenefitKind kind) {
        Counter counter = Counter.builder(name)
                .description(name.equals(GRANTED) ? "Benefits granted, by kind" : "Coupons redeemed at checkout, by kind")
                .tag("type", kind == null ? "unknown" : kind.name())
                .register(meters);
        CountAfterCommit.increment(counter);
    }
}
