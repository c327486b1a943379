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

    @Column(name = "sequence_number", nullable = false)
    private long sequenceNumber;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private long points;

    @Column(name = "order_id")
    private String orderId;

    private String reference;

    private String cause;

    private String reason;

    @Column(name = "operator_id")
    private String operatorId;

    @Column(name = "causation_id")
    private String causationId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "available_at")
    private Instant availableAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "balance_after", nullable = false)
    private long balanceAfter;

    protected LedgerEntry() {}

    LedgerEntry(String eventId, String memberId, long sequenceNumber, String kind, long points, Instant occurredAt, long balanceAfter) {
        this.eventId = eventId;
        this.memberId = memberId;
        this.sequenceNumber = sequenceNumber;
        this.kind = kind;
        this.points = points;
        this.occurredAt = occurredAt;
        this.balanceAfter = balanceAfter;
    }

    LedgerEntry order(String orderId) {
        this.orderId = orderId;
        return this;
    }

    LedgerEntry reference(String reference) {
        this.reference = reference;
        return this;
    }

    LedgerEntry cause(String cause) {
        this.cause = cause;
        return this;
    }

    LedgerEntry byOperator(String operatorId, String reason) {
        this.operatorId = operatorId;
        this.reason = reason;
        return this;
    }

    LedgerEntry causedBy(String causationId) {
        this.causationId = causationId;
        return this;
    }

    LedgerEntry dates(Instant availableAt, Instant expiresAt) {
        this.availableAt = availableAt;
        this.expiresAt = expiresAt;
        return this;
    }

    LedgerEntryView view() {
        return new LedgerEntryView(
                sequenceNumber,
                kind,
                points,
                balanceAfter,
                occurredAt,
                orderId,
                reference,
                cause,
                reason,
                operatorId,
                causationId,
                availableAt,
                expiresAt);
    }
}
