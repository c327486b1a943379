package com.loyaltysuite.tier.status;

import com.loyaltysuite.support.projections.ProjectionBatch;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/**
 * A refund that arrived before the order it refunds and is not counted yet. Read through JPA, written
 * by {@link MemberTierBatch} ({@link #INSERT}, {@link #DELETE}).
 */
@Entity
@Table(name = "refund_awaiting_order")
@IdClass(RefundAwaitingOrder.Key.class)
class RefundAwaitingOrder {

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Id
    @Column(name = "refund_id")
    private String refundId;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String unit;

    @Column(name = "refunded_at", nullable = false)
    private Instant refundedAt;

    static final String INSERT = """
            insert into refund_awaiting_order (member_id, refund_id, order_id, amount, unit, refunded_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (member_id, refund_id) do nothing""";

    static final String DELETE = "delete from refund_awaiting_order where member_id = ? and refund_id = ?";

    protected RefundAwaitingOrder() {}

    RefundAwaitingOrder(
            String memberId, String refundId, String orderId, BigDecimal amount, String unit, Instant refundedAt) {
        this.memberId = memberId;
        this.refundId = refundId;
        this.orderId = orderId;
        this.amount = amount;
        this.unit = unit;
        this.refundedAt = refundedAt;
    }

    String memberId() {
        return memberId;
    }

    /** Binds this refund to the parameters of {@link #INSERT}. */
    void bindTo(PreparedStatement insert) throws SQLException {
        insert.setString(1, memberId);
        insert.setString(2, refundId);
        insert.setString(3, orderId);
        insert.setBigDecimal(4, amount);
        insert.setString(5, unit);
        ProjectionBatch.setInstant(insert, 6, refundedAt);
    }

    String refundId() {
        return refundId;
    }

    String orderId() {
        return orderId;
    }

    BigDecimal amount() {
        return amount;
    }

    String unit() {
        return unit;
    }

    Instant refundedAt() {
        return refundedAt;
    }

    static class Key implements Serializable {

        private String memberId;
        private String refundId;

        protected Key() {}

        Key(String memberId, String refundId) {
            this.memberId = memberId;
            this.refundId = refundId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && memberId.equals(key.memberId) && refundId.equals(key.refundId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, refundId);
        }
    }
}
