package com.loyaltysuite.events.codec;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.anomaly.AnomalyDetected;
import com.loyaltysuite.events.benefit.BenefitGranted;
import com.loyaltysuite.events.benefit.BenefitRedeemed;
import com.loyaltysuite.events.benefit.BenefitRestored;
import com.loyaltysuite.events.benefit.BenefitRevoked;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.MemberDataKey;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.member.MemberStatusChanged;
import com.loyaltysuite.events.notification.NotificationFailed;
import com.loyaltysuite.events.notification.NotificationSent;
import com.loyaltysuite.events.order.OrderPaid;
import com.loyaltysuite.events.order.OrderRefunded;
import com.loyaltysuite.events.points.PointsAdjusted;
import com.loyaltysuite.events.points.PointsAvailable;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.events.points.PointsExpired;
import com.loyaltysuite.events.points.PointsExpiring;
import com.loyaltysuite.events.points.PointsRedeemed;
import com.loyaltysuite.events.points.PointsReversed;
import com.loyaltysuite.events.segment.MemberSegmentChanged;
import com.loyaltysuite.events.tier.CurrentTier;
import com.loyaltysuite.events.tier.TierAtRisk;
import com.loyaltysuite.events.tier.TierChanged;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the contract: its CloudEvents {@code ce_type}, Java record, topic and schema.
 * The schema of a type lives in the jar at {@link #schemaResource()}.
 */
public enum EventType {
    ORDER_PAID(OrderPaid.class, Topics.ORDER_PAID),
    ORDER_REFUNDED(OrderRefunded.class, Topics.ORDER_REFUNDED),
    MEMBER_REGISTERED(MemberRegistered.class, Topics.MEMBERS),
    MEMBER_PROFILE_UPDATED(MemberProfileUpdated.class, Topics.MEMBERS),
    CONSENT_CHANGED(ConsentChanged.class, Topics.MEMBERS),
    MEMBER_ERASED(MemberErased.class, Topics.MEMBERS),
    MEMBER_STATUS_CHANGED(MemberStatusChanged.class, Topics.MEMBERS),
    MEMBER_DATA_KEY(MemberDataKey.class, Topics.MEMBER_KEYS),
    POINTS_EARNED(PointsEarned.class, Topics.POINTS),
    POINTS_REDEEMED(PointsRedeemed.class, Topics.POINTS),
    POINTS_REVERSED(PointsReversed.class, Topics.POINTS),
    POINTS_EXPIRED(PointsExpired.class, Topics.POINTS),
    POINTS_ADJUSTED(PointsAdjusted.class, Topics.POINTS),
    POINTS_AVAILABLE(PointsAvailable.class, Topics.POINTS),
    POINTS_EXPIRING(PointsExpiring.class, Topics.POINTS),
    TIER_CHANGED(TierChanged.class, Topics.TIERS),
    TIER_AT_RISK(TierAtRisk.class, Topics.TIERS),
    CURRENT_TIER(CurrentTier.class, Topics.MEMBER_TIERS),
    BENEFIT_GRANTED(BenefitGranted.class, Topics.BENEFITS),
    BENEFIT_REDEEMED(BenefitRedeemed.class, Topics.BENEFITS),
    BENEFIT_REVOKED(BenefitRevoked.class, Topics.BENEFITS),
    BENEFIT_RESTORED(BenefitRestored.class, Topics.BENEFITS),
    NOTIFICATION_SENT(NotificationSent.class, Topics.NOTIFICATIONS),
    NOTIFICATION_FAILED(NotificationFailed.class, Topics.NOTIFICATIONS),
    MEMBER_SEGMENT_CHANGED(MemberSegmentChanged.class, Topics.MEMBER_SEGMENTS),
    ANOMALY_DETECTED(AnomalyDetected.class, Topics.ANOMALIES);

    private final Class<? extends IntegrationEvent> javaType;
    private final String topic;

    EventType(Class<? extends IntegrationEvent> javaType, String topic) {
        this.javaType = javaType;
        this.topic = topic;
    }

    /** The {@code ce_type} value: the record's simple name, as the order system's {@code OrderPaid} is. */
    public String ceType() {
        return javaType.getSimpleName();
    }

    public Class<? extends IntegrationEvent> javaType() {
        return javaType;
    }

    public String topic() {
        return topic;
    }

    /** Classpath location of the JSON Schema (draft 2020-12) of this type's data. */
    public String schemaResource() {
        return "/schemas/v1/" + ceType() + ".schema.json";
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }

    public static EventType of(Class<?> javaType) {
        return Arrays.stream(values())
                .filter(t -> t.javaType.equals(javaType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(javaType.getName() + " is not a contract event"));
    }
}
