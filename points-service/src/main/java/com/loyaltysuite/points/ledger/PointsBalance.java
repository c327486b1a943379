package com.loyaltysuite.points.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member's current total, kept beside the ledger so a balance is one row read. */
@Entity
@Table(name = "points_balance")
class PointsBalance {

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Column(nullable = false)
    private long total;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PointsBalance() {}

    PointsBalance(String memberId) {
        this.memberId = memberId;
        this.updatedAt = Instant.EPOCH;
    }

    long add(long points, Instant at) {
        total += points;
        updatedAt = at;
        return total;
    }

    String memberId() {
        return memberId;
    }

    long total() {
        return total;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
