package com.loyaltysuite.points.meters;

import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.expiry.DuePointsExpired;
import com.loyaltysuite.points.redemption.ReservationConfirmed;
import com.loyaltysuite.points.refund.RefundReversed;
import com.loyaltysuite.points.standing.PointsForfeited;
import com.loyaltysuite.support.meters.CountAfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Points earned, redeemed, expired and reversed, counted in points (one time series each, never per
 * member), for the same facts that go out as {@code PointsEarned}, {@code PointsRedeemed},
 * {@code PointsExpired} and {@code PointsReversed}.
 *
 * <p>Why here: a subscribing processing group sees each event once, in the transaction that appends
 * it, and never on a replay or a projection rebuild (those are tracking processors reading the store).
 * A redelivered Kafka record is skipped by the inbox before any command, so it appends nothing. The
 * count is added only after the root unit of work commits: a batch that rolls back (and is applied
 * again record by record) counts nothing the first time.
 */
@Component
@ProcessingGroup(PointsMeters.PROCESSING_GROUP)
class PointsMeters {

    static final String PROCESSING_GROUP = "points-meters";

    private final Counter earned;
    private final Counter redeemed;
    private final Counter expired;
    private final Counter reversed;

    PointsMeters(MeterRegistry meters) {
        earned = counter(meters, "loyalty.points.earned", "Points earned on paid orders (released withheld points included)");
        redeemed = counter(meters, "loyalty.points.redeemed", "Points spent: confirmed reservations");
        expired = counter(meters, "loyalty.points.expired", "Points expired, or forfeited when a membership closed");
        reversed = counter(meters, "loyalty.points.reversed", "Points taken back by refunds");
    }

    @EventHandler
    void on(EarningRecorded event) {
        CountAfterCommit.increment(earned, event.points());
    }

    @EventHandler
    void on(ReservationConfirmed event) {
        CountAfterCommit.increment(redeemed, event.points());
    }

    @EventHandler
    void on(DuePointsExpired event) {
        CountAfterCommit.increment(expired, event.points());
    }

    /** Published as {@code PointsExpired} with these points (withheld ones were never counted as earned). */
    @EventHandler
    void on(PointsForfeited event) {
        CountAfterCommit.increment(expired, event.points());
    }

    @EventHandler
    void on(RefundReversed event) {
        CountAfterCommit.increment(reversed, event.points());
    }

    private static Counter counter(MeterRegistry meters, String name, String description) {
        return Counter.builder(name).description(description).register(meters);
    }
}
