package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.support.transactions.UnitOfWorkBatch;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures of the daily business report (营业汇报), per calendar day of the event's business time
 * in the programme's zone, counted in the transaction that applies each event. The notifications sent
 * and failed are counted from the delivery log when asked.
 */
@Component
public class DailyFigures {

    /** The figures of a day, in the order the report lists them. */
    public static final List<String> FIGURES = List.of(
            "spend", "orders", "refunds", "new-members", "points-issued", "points-redeemed", "points-expired",
            "coupons-issued", "coupons-redeemed", "tier-moves", "anomalies", "notifications-sent",
            "notifications-failed");

    private final JdbcTemplate jdbc;
    private final NotificationProperties properties;
    private final UnitOfWorkBatch<Map<Key, BigDecimal>> pending =
            new UnitOfWorkBatch<>("daily-figures", TreeMap::new, this::write);

    DailyFigures(JdbcTemplate jdbc, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Adds {@code value} to a figure of the day {@code at} falls on, in the caller's transaction. Inside
     * a unit of work (a poll batch) the sums are written once, as it prepares to commit: every order
     * adds to the same few rows of the day, and a row updated per record stayed locked until the batch
     * committed, so the consumers took turns on it.
     */
    public void add(Instant at, String figure, BigDecimal value) {
        Key key = new Key(day(at), figure);
        pending.add(sums -> sums.merge(key, value, BigDecimal::add));
    }

    /** In key order, so that two transactions lock the rows they share in the same order. */
    private void write(Map<Key, BigDecimal> sums) {
        List<Object[]> rows = new ArrayList<>();
        sums.forEach((key, value) -> rows.add(new Object[] {Date.valueOf(key.day()), key.figure(), value}));
        jdbc.batchUpdate(
                """
                insert into daily_figure (day, figure, value) values (?, ?, ?)
                on conflict (day, figure) do update set value = daily_figure.value + excluded.value
                """,
                rows);
    }

    private record Key(LocalDate day, String figure) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : figure.compareTo(other.figure);
        }
    }

    public void count(Instant at, String figure) {
        add(at, figure, BigDecimal.ONE);
    }

    public LocalDate day(Instant at) {
        return at.atZone(properties.zone()).toLocalDate();
    }

    /** Every figure of the day, zero when nothing counted; money with two decimals, counts whole. */
    public Map<String, String> of(LocalDate day) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        FIGURES.forEach(figure -> values.put(figure, BigDecimal.ZERO));
        jdbc.query(
                "select figure, value from daily_figure where day = ?",
                rs -> {
                    values.put(rs.getString("figure"), rs.getBigDecimal("value"));
                },
                Date.valueOf(day));
        Instant from = day.atStartOfDay(properties.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(properties.zone()).toInstant();
        jdbc.query(
                """
                select status, count(*) as n from notification_delivery
                 where status in ('SENT', 'FAILED') and recorded_at >= ? and recorded_at < ?
                   and template <> 'daily-report'
                 group by status
                """,
                rs -> {
                    values.put(
                            "SENT".equals(rs.getString("status")) ? "notifications-sent" : "notifications-failed",
                            BigDecimal.valueOf(rs.getLong("n")));
                },
                Timestamp.from(from),
                Timestamp.from(to));
        Map<String, String> figures = new LinkedHashMap<>();
        values.forEach((figure, value) -> figures.put(
                figure, figure.equals("spend") ? value.setScale(2).toPlainString() : value.setScale(0).toPlainString()));
        return figures;
    }
}
