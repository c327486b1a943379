package com.loyaltysuite.points.meters;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.expiry.DuePointsExpired;
import com.loyaltysuite.points.redemption.ReservationConfirmed;
import com.loyaltysuite.points.refund.RefundReversed;
import com.loyaltysuite.points.standing.PointsForfeited;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** Each meter moves by the points of its fact, once the unit of work that appends it commits. */
class PointsMetersTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PointsMeters meters = new PointsMeters(registry);

    @Test
    void earnedPointsCountOnceTheirUnitOfWorkCommits() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        meters.on(earned(599));
        assertThat(count("loyalty.points.earned")).isZero();

        unitOfWork.commit();

        assertThat(count("loyalty.points.earned")).isEqualTo(599);
    }

    @Test
    void aUnitOfWorkRolledBackCountsNothing() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        meters.on(earned(599));

        unitOfWork.rollback();

        assertThat(count("loyalty.points.earned")).isZero();
    }

    @Test
    void redeemedExpiredForfeitedAndReversedPointsEachCountOnTheirOwnMeter() {
        meters.on(new ReservationConfirmed(MEMBER, "default", "R-1", "O-1", 300, AT, null));
        meters.on(new DuePointsExpired(MEMBER, "default", 40, List.of(), AT, null));
        meters.on(new PointsForfeited(MEMBER, "default", 60, List.of(), 25, "closed", AT, null));
        meters.on(new RefundReversed(MEMBER, "default", null, "RF-1", null, 120, List.of(), 0, AT, "e-1", null));

        assertThat(count("loyalty.points.redeemed")).isEqualTo(300);
        // forfeited on closing counts as expired, as it is published; the 25 withheld were never earned
        assertThat(count("loyalty.points.expired")).isEqualTo(100);
        assertThat(count("loyalty.points.reversed")).isEqualTo(120);
        assertThat(count("loyalty.points.earned")).isZero();
        assertThat(registry.get("loyalty.points.earned").counter().getId().getTags()).isEmpty();
    }

    private double count(String name) {
        return registry.get(name).counter().count();
    }

    private static EarningRecorded earned(long points) {
        return new EarningRecorded(MEMBER, "default", null, points, points, null, "MEMBER", "v1", null, null, AT, AT, AT,
                0, "e-1", null);
    }
}
