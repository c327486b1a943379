package com.loyaltysuite.points.ledger;

import static com.loyaltysuite.support.projections.ProjectionBatch.setInstant;

import com.loyaltysuite.points.account.ExpiryBucket;
import com.loyaltysuite.points.account.PointsTotals;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A member's current points, kept beside the ledger so a balance is one row read. Read through JPA,
 * written by {@link LedgerBatch} with {@link #UPSERT}, once per member and batch.
 */
@Entity
@Table(name = "points_balance")
class PointsBalance {

    @Id
    @Column(name = "member_id")
    private String memberId;

    /** Everything the member holds (reserved included) less debt: the {@code balance} of the API. */
    @Column(nullable = false)
    private long total;

    @Column(nullable = false)
    private long available;

    @Column(nullable = false)
    private long pending;

    @Column(nullable = false)
    private long reserved;

    @Column(nullable = false)
    private long debt;

    /** Points of orders paid while frozen or closed: not in {@code total}. */
    @Column(nullable = false)
    private long withheld;

    /** Unspent points per expiry instant: {@code instant=points} pairs, comma separated, soonest first. */
    @Column(nullable = false, columnDefinition = "text")
    private String expiries;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Replaces the row only with a later state: a replayed or repeated event never moves it back. */
    static final String UPSERT = """
            insert into points_balance (member_id, total, available, pending, reserved, debt, expiries, last_sequence,
                updated_at, withheld)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (member_id) do update set
                total = excluded.total, available = excluded.available, pending = excluded.pending,
                reserved = excluded.reserved, debt = excluded.debt, expiries = excluded.expiries,
                withheld = excluded.withheld,
                last_sequence = excluded.last_sequence, updated_at = excluded.updated_at
            where points_balance.last_sequence < excluded.last_sequence""";

    protected PointsBalance() {}

    PointsBalance(String memberId) {
        this.memberId = memberId;
        this.expiries = "";
        this.lastSequence = -1;
        this.updatedAt = Instant.EPOCH;
    }

    /** False when this event, or a later one, was applied to this object already. */
    boolean apply(long sequence, PointsTotals totals, Instant at) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        total = totals.balance();
        available = totals.available();
        pending = totals.pending();
        reserved = totals.reserved();
        debt = totals.debt();
        withheld = totals.withheld();
        expiries = totals.expiries().stream()
                .map(b -> b.expiresAt() + "=" + b.points())
                .collect(Collectors.joining(","));
        updatedAt = at;
        return true;
    }

    /** Binds this balance to the parameters of {@link #UPSERT}. */
    void bindTo(PreparedStatement upsert) throws SQLException {
        upsert.setString(1, memberId);
        upsert.setLong(2, total);
        upsert.setLong(3, available);
        upsert.setLong(4, pending);
        upsert.setLong(5, reserved);
        upsert.setLong(6, debt);
        upsert.setString(7, expiries);
        upsert.setLong(8, lastSequence);
        setInstant(upsert, 9, updatedAt);
        upsert.setLong(10, withheld);
    }

    List<ExpiryBucket> expiryBuckets() {
        if (expiries.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(expiries.split(","))
                .map(pair -> pair.split("="))
                .map(pair -> new ExpiryBucket(Instant.parse(pair[0]), Long.parseLong(pair[1])))
                .toList();
    }

    String memberId() {
        return memberId;
    }

    long total() {
        return total;
    }

    long available() {
        return available;
    }

    long pending() {
        return pending;
    }

    long reserved() {
        return reserved;
    }

    long debt() {
        return debt;
    }

    long withheld() {
        return withheld;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
