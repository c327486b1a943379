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

/** One qualifying order of a member at its business time, net of refunds. */
@Entity
@Table(name = "member_tier_order")
@IdClass(MemberTierOrder.Key.class)
class MemberTierOrder {

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Id
    @Column(name = "order_id")
    private String orderId;

    @Column(nullable = false)
    private BigDecimal value;

    @Column(name = "paid_at", nullable = false)
    private Instant paidAt;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    protected MemberTierOrder() {}

    MemberTierOrder(String memberId, String orderId, BigDecimal value, Instant paidAt, long sequence) {
        this.memberId = memberId;
        this.orderId = orderId;
        this.value = value;
        this.paidAt = paidAt;
        this.lastSequence = sequence;
    }

    /** Lowers the value by a refund recorded at {@code sequence}; false when that was applied already. */
    boolean reduce(BigDecimal amount, long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        value = value.subtract(amount);
        lastSequence = sequence;
        return true;
    }

    String orderId() {
        return orderId;
    }

    BigDecimal value() {
        return value;
    }

    Instant paidAt() {
        return paidAt;
    }

    static class Key implements Serializable {

        private String memberId;
        private String orderId;

        protected Key() {}

        Key(String memberId, String orderId) {
            this.memberId = memberId;
            this.orderId = orderId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && memberId.equals(key.memberId) && orderId.equals(key.orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, orderId);
        }
    }
}
