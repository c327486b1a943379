package com.loyaltysuite.tier.status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code loyalty.tier.refunds.awaiting-order}: refunds that arrived before their order and wait for
 * it, read from the projection when scraped. A count that stays up names orders that never came.
 */
@Component
class RefundsAwaitingOrderMeter implements MeterBinder {

    private final RefundAwaitingOrderRepository refunds;

    RefundsAwaitingOrderMeter(RefundAwaitingOrderRepository refunds) {
        this.refunds = refunds;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("loyalty.tier.refunds.awaiting-order", refunds, RefundAwaitingOrderRepository::count)
                .description("Refunds recorded before the order they refund, not applied yet")
                .register(registry);
    }
}
