package com.loyaltysuite.tier.status;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A refund that arrived before the order it refunds and is not counted yet. */
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
