package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.anomaly.AnomalyRule;
import com.loyaltysuite.support.projections.ProjectionBatch;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every detected anomaly, for the support team: one row per {@link AnomalyRecorded}, keyed by its
 * event id, inserted once per processor batch ({@code on conflict do nothing}, so replays are exact).
 * A reset empties the table and the processor rebuilds it from the event store.
 */
@Component
@ProcessingGroup(AnomalyProjection.PROCESSING_GROUP)
class AnomalyProjection {

    static final String PROCESSING_GROUP = "anomalies";

    private static final String INSERT = "insert into anomaly (event_id, member_id, program_id, rule, window_start,"
            + " window_end, order_ids, observed, threshold, unit, description, detected_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing";

    private final JdbcTemplate jdbc;
    private final ProjectionBatch<List<Row>> batch;

    AnomalyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.batch = new ProjectionBatch<>(PROCESSING_GROUP, ArrayList::new, this::write);
    }

    @EventHandler
    void on(AnomalyRecorded event, EventMessage<?> message) {
        batch.add(rows -> rows.add(new Row(message.getIdentifier(), event)));
    }

    private void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, rows, rows.size(), (s, row) -> {
            AnomalyRecorded e = row.event();
            s.setString(1, row.eventId());
            s.setString(2, e.memberId().value());
            s.setString(3, e.programId());
            s.setString(4, e.rule().name());
            ProjectionBatch.setInstant(s, 5, e.windowStart());
            ProjectionBatch.setInstant(s, 6, e.windowEnd());
            s.setArray(7, s.getConnection().createArrayOf(
                    "varchar", e.orderIds().stream().map(OrderId::value).toArray()));
            s.setString(8, e.observed());
            s.setString(9, e.threshold());
            s.setString(10, e.unit());
            s.setString(11, e.description());
            ProjectionBatch.setInstant(s, 12, e.detectedAt());
        });
    }

    @QueryHandler
    AnomalyPageView handle(FindAnomalies query) {
        String where = query.rule() == null ? "" : " where rule = ?";
        Object[] filter = query.rule() == null ? new Object[0] : new Object[] {query.rule().name()};
        Long total = jdbc.queryForObject("select count(*) from anomaly" + where, Long.class, filter);
        List<Object> args = new ArrayList<>(Arrays.asList(filter));
        args.add(query.size());
        args.add((long) query.page() * query.size());
        List<AnomalyView> page = jdbc.query(
                "select * from anomaly" + where + " order by detected_at desc, event_id limit ? offset ?",
                AnomalyProjection::view,
                args.toArray());
        return new AnomalyPageView(query.page(), query.size(), total == null ? 0 : total, page);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from anomaly");
    }

    private static AnomalyView view(ResultSet rs, int rowNum) throws SQLException {
        Array orders = rs.getArray("order_ids");
        List<OrderId> orderIds = Arrays.stream((Object[]) orders.getArray()).map(o -> OrderId.of((String) o)).toList();
        return new AnomalyView(
                rs.getString("event_id"),
                MemberId.of(rs.getString("member_id")),
                rs.getString("program_id"),
                AnomalyRule.valueOf(rs.getString("rule")),
                instant(rs, "window_start"),
                instant(rs, "window_end"),
                orderIds,
                rs.getString("observed"),
                rs.getString("threshold"),
                rs.getString("unit"),
                rs.getString("description"),
                instant(rs, "detected_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Row(String eventId, AnomalyRecorded event) {}
}
