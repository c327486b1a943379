package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.RfmScore;
import com.loyaltysuite.events.segment.RfmSegment;
import com.loyaltysuite.support.projections.ProjectionBatch;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each member's latest RFM assessment, from the segment events: one row per member, upserted once per
 * processor batch, never replaced by an earlier event ({@code last_sequence}), so replays are exact. A
 * reset empties the table and the processor rebuilds it from the event store.
 */
@Component
@ProcessingGroup(MemberSegmentProjection.PROCESSING_GROUP)
class MemberSegmentProjection {

    static final String PROCESSING_GROUP = "member-segment";

    private static final String UPSERT = "insert into member_segment (member_id, program_id, segment, stage,"
            + " recency_days, frequency, monetary, currency, recency_score, frequency_score, monetary_score, reason,"
            + " first_paid_at, last_paid_at, policy_version, assessed_at, next_assessment_at, last_sequence)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (member_id) do update set program_id = excluded.program_id, segment = excluded.segment,"
            + " stage = excluded.stage, recency_days = excluded.recency_days, frequency = excluded.frequency,"
            + " monetary = excluded.monetary, currency = excluded.currency, recency_score = excluded.recency_score,"
            + " frequency_score = excluded.frequency_score, monetary_score = excluded.monetary_score,"
            + " reason = excluded.reason, first_paid_at = excluded.first_paid_at, last_paid_at = excluded.last_paid_at,"
            + " policy_version = excluded.policy_version, assessed_at = excluded.assessed_at,"
            + " next_assessment_at = excluded.next_assessment_at, last_sequence = excluded.last_sequence"
            + " where member_segment.last_sequence < excluded.last_sequence";

    private final JdbcTemplate jdbc;
    private final ProjectionBatch<Map<String, Row>> batch;

    MemberSegmentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.batch = new ProjectionBatch<>(PROCESSING_GROUP, LinkedHashMap::new, this::write);
    }

    @EventHandler
    void on(SegmentOrderRecorded event, @SequenceNumber long sequence) {
        assessed(event.memberId(), event.programId(), event.assessment(), sequence);
    }

    @EventHandler
    void on(SegmentRefundRecorded event, @SequenceNumber long sequence) {
        if (event.assessment() != null) {
            assessed(event.memberId(), event.programId(), event.assessment(), sequence);
        }
    }

    @EventHandler
    void on(SegmentReassessed event, @SequenceNumber long sequence) {
        assessed(event.memberId(), event.programId(), event.assessment(), sequence);
    }

    /** Within a batch each member's row is the assessment of their highest sequence number. */
    private void assessed(MemberId member, String program, RfmAssessment assessment, long sequence) {
        batch.add(rows -> rows.merge(
                member.value(),
                new Row(member.value(), program, assessment, sequence),
                (earlier, later) -> later.sequence() > earlier.sequence() ? later : earlier));
    }

    private void write(Map<String, Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(UPSERT, List.copyOf(rows.values()), rows.size(), (statement, row) -> row.bindTo(statement));
    }

    @QueryHandler
    Optional<MemberSegmentView> handle(FindMemberSegment query) {
        return jdbc.query("select * from member_segment where member_id = ?", MemberSegmentProjection::view, query.memberId().value())
                .stream()
                .findFirst();
    }

    @QueryHandler
    SegmentCountsView handle(CountSegments query) {
        Map<String, Long> bySegment = counts("segment");
        Map<String, Long> byStage = counts("stage");
        return new SegmentCountsView(
                bySegment.values().stream().mapToLong(Long::longValue).sum(),
                Arrays.stream(RfmSegment.values())
                        .map(s -> new SegmentCountsView.GroupCount(s, s.chineseName(), bySegment.getOrDefault(s.name(), 0L)))
                        .toList(),
                Arrays.stream(LifecycleStage.values())
                        .map(s -> new SegmentCountsView.StageCount(s, byStage.getOrDefault(s.name(), 0L)))
                        .toList());
    }

    private Map<String, Long> counts(String column) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select " + column + " as k, count(*) as n from member_segment group by " + column,
                rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from member_segment");
    }

    private static MemberSegmentView view(ResultSet rs, int rowNum) throws SQLException {
        RfmSegment segment = RfmSegment.valueOf(rs.getString("segment"));
        return new MemberSegmentView(
                MemberId.of(rs.getString("member_id")),
                rs.getString("program_id"),
                segment,
                segment.chineseName(),
                LifecycleStage.valueOf(rs.getString("stage")),
                new MemberSegmentView.Values(
                        rs.getInt("recency_days"),
                        rs.getInt("frequency"),
                        new Money(rs.getBigDecimal("monetary"), rs.getString("currency"))),
                new MemberSegmentView.Scores(
                        RfmScore.valueOf(rs.getString("recency_score")),
                        RfmScore.valueOf(rs.getString("frequency_score")),
                        RfmScore.valueOf(rs.getString("monetary_score"))),
                rs.getString("reason"),
                instant(rs, "first_paid_at"),
                instant(rs, "last_paid_at"),
                rs.getString("policy_version"),
                instant(rs, "assessed_at"),
                instant(rs, "next_assessment_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Row(String memberId, String programId, RfmAssessment a, long sequence) {

        void bindTo(PreparedStatement s) throws SQLException {
            s.setString(1, memberId);
            s.setString(2, programId);
            s.setString(3, a.segment().name());
            s.setString(4, a.stage().name());
            s.setInt(5, a.recencyDays());
            s.setInt(6, a.frequency());
            s.setBigDecimal(7, a.monetary().value());
            s.setString(8, a.monetary().currency());
            s.setString(9, a.recencyScore().name());
            s.setString(10, a.frequencyScore().name());
            s.setString(11, a.monetaryScore().name());
            s.setString(12, a.reason());
            ProjectionBatch.setInstant(s, 13, a.firstPaidAt());
            ProjectionBatch.setInstant(s, 14, a.lastPaidAt());
            s.setString(15, a.policyVersion());
            ProjectionBatch.setInstant(s, 16, a.assessedAt());
            ProjectionBatch.setInstant(s, 17, a.nextAssessmentAt());
            s.setLong(18, sequence);
        }
    }
}
