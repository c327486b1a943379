package com.loyaltysuite.notification.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each member's points balance as the points events tell it (available + pending + reserved − debt,
 * as points-service counts it: earned +, reversed −, redeemed −, expired −, adjusted ±), for the
 * balance after an order in 交易提醒. Points events of a member come in order on one partition, so the
 * balance after an event is exact, counted from the first points event this service consumed.
 */
@Component
public class PointsBalances {

    private final JdbcTemplate jdbc;

    PointsBalances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds {@code points} (negative to take away) in the caller's transaction; returns the balance after. */
    public long add(String memberId, long points, Instant at) {
        Long balance = jdbc.queryForObject(
                """
                insert into member_points_balance (member_id, balance, updated_at) values (?, ?, ?)
                on conflict (member_id) do update
                   set balance = member_points_balance.balance + excluded.balance, updated_at = excluded.updated_at
                returning balance
                """,
                Long.class,
                memberId,
                points,
                Timestamp.from(at));
        return balance == null ? 0 : balance;
    }
}
