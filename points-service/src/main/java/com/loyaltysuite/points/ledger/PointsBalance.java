package com.loyaltysuite.points.ledger;

import com.loyaltysuite.points.account.ExpiryBucket;
import com.loyaltysuite.points.account.PointsTotals;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A member's current points, kept beside the ledger so a balance is one row read. */
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

    /** Unspent points per expiry instant: {@code instant=points} pairs, comma separated, soonest first. */
    @Column(nullable = false, columnDefinition = "text")
    private String expiries;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PointsBalance() {}

    PointsBalance(String memberId) {
        this.memberId = memberId;
        this.expiries = "";
        this.lastSequence = -1;
        this.updatedAt = Instant.EPOCH;
    }

    /** False when this event was applied already (a replay over a row that survived). */
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
        expiries = totals.expiries().stream()
                .map(b -> b.expiresAt() + "=" + b.points())
                .collect(Collectors.joining(","));
        updatedAt = at;
        return true;
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

    Instant updatedAt() {
        return updatedAt;
    }
}
