package com.loyaltysuite.points.earning;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.points.account.AccountEntity;
import com.loyaltysuite.points.refund.RefundPolicy;
import com.loyaltysuite.points.refund.RefundReversed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An order that earned points on a member's account (an entity of {@code PointsAccount}), and what its
 * refunds took back so far. It follows its own refunds; what a refund takes back is {@link RefundPolicy}'s.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class EarnedOrder extends AccountEntity {

    private final OrderId orderId;

    private final BigDecimal amount;
    private final long points;
    private final Instant availableAt;
    private final String causationId;
    private final Set<String> refundIds = new HashSet<>();
    private BigDecimal refunded = BigDecimal.ZERO;
    private long reversed;

    @JsonCreator
    EarnedOrder(OrderId orderId, BigDecimal amount, long points, Instant availableAt, String causationId) {
        this.orderId = orderId;
        this.amount = amount;
        this.points = points;
        this.availableAt = availableAt;
        this.causationId = causationId;
    }

    public static EarnedOrder of(EarningRecorded earned) {
        return new EarnedOrder(
                earned.orderId(), earned.orderAmount().value(), earned.points(), earned.availableAt(), earned.causationId());
    }

    /** A refund of this order took back points (applied by the account, which looks the order up). */
    public void reversedBy(RefundReversed event) {
        refunded = RefundPolicy.refundedAfter(amount, refunded, event.refundAmount().value());
        reversed += event.points();
        refundIds.add(event.refundId());
    }

    /** The points {@code refund} takes back of this order. */
    public long pointsToReverse(Money refund) {
        return RefundPolicy.pointsToReverse(points, amount, refunded, reversed, refund.value());
    }

    public boolean refunded(String refundId) {
        return refundIds.contains(refundId);
    }

    /** Whether its pending period is over at {@code at}. */
    public boolean availableBy(Instant at) {
        return !at.isBefore(availableAt);
    }

    public Instant availableAt() {
        return availableAt;
    }

    public String causationId() {
        return causationId;
    }

    @Override
    protected List<Object> state() {
        return List.of(orderId, amount, points, availableAt, causationId, refundIds, refunded, reversed);
    }
}
