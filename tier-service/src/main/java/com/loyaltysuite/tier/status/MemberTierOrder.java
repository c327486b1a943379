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
 * One qualifying order of a member at its business time, net of refunds. Read through JPA, written by
 * {@link MemberTierBatch}: inserted once ({@link #INSERT}), then lowered by each refund not applied yet
 * ({@link #REDUCE}, guarded by the sequence number of the last event applied).
 */
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

    static final String INSERT = """
            insert into member_tier_order (member_id, order_id, value, paid_at, last_sequence)
            values (?, ?, ?, ?, ?)
            on conflict (member_id, order_id) do nothing""";

    /** Parameters: amount, sequence, member, order, sequence; a refund applied already changes nothing. */
    static final String REDUCE = """
            update member_tier_order set value = value - ?, last_sequence = ?
            where member_id = ? and order_id = ? and last_sequence < ?""";

    protected MemberTierOrder() {}

    MemberTierOrder(String memberId, String orderId, BigDecimal value, Instant paidAt, long sequence) {
        this.memberId = memberId;
        this.orderId = orderId;
        this.value = value;
        this.paidAt = paidAt;
        this.lastSequence = sequence;
    }

    Key key() {
        return new Key(memberId, orderId);
    }

    /** Binds this order to the parameters of {@link #INSERT}. */
    void bindTo(PreparedStatement insert) throws SQLException {
        insert.setString(1, memberId);
        insert.setString(2, orderId);
        insert.setBigDecimal(3, value);
        ProjectionBatch.setInstant(insert, 4, paidAt);
        insert.setLong(5, lastSequence);
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
