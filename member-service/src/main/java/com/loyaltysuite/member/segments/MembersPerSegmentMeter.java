package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.RfmSegment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code loyalty.member.segment.members{segment}} and {@code loyalty.member.stage.members{stage}}:
 * members in each RFM group and lifecycle stage, read from the segment read model when scraped (the
 * pyramid seed 003 calls ideal can be watched on a dashboard). Members without a paid order are not
 * counted.
 */
@Component
class MembersPerSegmentMeter implements MeterBinder {

    private final JdbcTemplate jdbc;

    MembersPerSegmentMeter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RfmSegment segment : RfmSegment.values()) {
            Gauge.builder("loyalty.member.segment.members", jdbc, j -> count(j, "segment", segment.name()))
                    .description("Members in each RFM group (with at least one paid order)")
                    .tag("segment", segment.name())
                    .register(registry);
        }
        for (LifecycleStage stage : LifecycleStage.values()) {
            Gauge.builder("loyalty.member.stage.members", jdbc, j -> count(j, "stage", stage.name()))
                    .description("Members in each lifecycle stage (with at least one paid order)")
                    .tag("stage", stage.name())
                    .register(registry);
        }
    }

    private static double count(JdbcTemplate jdbc, String column, String value) {
        Long count = jdbc.queryForObject(
                "select count(*) from member_segment where " + column + " = ?", Long.class, value);
        return count == null ? 0 : count;
    }
}
