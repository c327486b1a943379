package com.loyaltysuite.points.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One movement of a member's points, with its cause and the balance after it. */
@Entity
@Table(name = "points_ledger_entry")
class LedgerEntry {

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private long points;

    @Column(name = "order_id")
    private String orderId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "available_at")
    private Instant availableAt;

    @Column(name = "balance_after", nullable = false)
    private long balanceAfter;

    protected LedgerEntry() {}

    LedgerEntry(
            String eventId,
            String memberId,
            String kind,
            long points,
            String orderId,
            Instant occurredAt,
            Instant availableAt,
            long balanceAfter) {
        this.eventId = eventId;
        this.memberId = memberId;
        this.kind = kind;
        this.points = points;
        this.orderId = orderId;
        this.occurredAt = occurredAt;
        this.availableAt = availableAt;
        this.balanceAfter = balanceAfter;
    }

    long points() {
        return points;
    }

    Instant availableAt() {
        return availableAt;
    }
}
