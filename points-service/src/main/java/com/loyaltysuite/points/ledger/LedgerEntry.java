package com.loyaltysuite.points.ledger;

import static com.loyaltysuite.support.projections.ProjectionBatch.setInstant;

import com.loyaltysuite.events.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One movement of a member's points, with its cause and the balance after it. Read through JPA,
 * written by {@link LedgerBatch} with {@link #INSERT}: the ledger is append-only, keyed by event id.
 */
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

    /** The order's amount (EARNED) or the refund's (REVERSED); null where no money moved. */
    private BigDecimal amount;

    private String currency;

    /** An entry whose event was recorded already (a replay over rows that survived) stays as it is. */
    static final String INSERT = """
            insert into points_ledger_entry (event_id, member_id, sequence_number, kind, points, order_id, reference,
                cause, reason, operator_id, causation_id, occurred_at, available_at, expires_at, balance_after, amount,
                currency)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (event_id) do nothing""";

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

    /** The money that moved: an order's amount, a refund's. */
    LedgerEntry money(Money money) {
        this.amount = money.value();
        this.currency = money.currency();
        return this;
    }

    String eventId() {
        return eventId;
    }

    /** Binds this entry to the parameters of {@link #INSERT}. */
    void bindTo(PreparedStatement insert) throws SQLException {
        insert.setString(1, eventId);
        insert.setString(2, memberId);
        insert.setLong(3, sequenceNumber);
        insert.setString(4, kind);
        insert.setLong(5, points);
        insert.setString(6, orderId);
        insert.setString(7, reference);
        insert.setString(8, cause);
        insert.setString(9, reason);
        insert.setString(10, operatorId);
        insert.setString(11, causationId);
        setInstant(insert, 12, occurredAt);
        setInstant(insert, 13, availableAt);
        setInstant(insert, 14, expiresAt);
        insert.setLong(15, balanceAfter);
        insert.setBigDecimal(16, amount);
        insert.setString(17, currency);
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
                expiresAt,
                amount == null ? null : new Money(amount, currency));
    }
}
