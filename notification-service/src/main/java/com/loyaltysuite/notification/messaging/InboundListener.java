package com.loyaltysuite.notification.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.anomaly.AnomalyDetected;
import com.loyaltysuite.events.benefit.BenefitGranted;
import com.loyaltysuite.events.benefit.BenefitRedeemed;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.points.PointsAdjusted;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.events.points.PointsExpired;
import com.loyaltysuite.events.points.PointsExpiring;
import com.loyaltysuite.events.points.PointsRedeemed;
import com.loyaltysuite.events.points.PointsReversed;
import com.loyaltysuite.events.tier.TierAtRisk;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.notification.contact.ContactProjection;
import com.loyaltysuite.notification.delivery.AnomalyAlert;
import com.loyaltysuite.notification.delivery.BenefitGrantedNotifier;
import com.loyaltysuite.notification.delivery.BirthdayGreeting;
import com.loyaltysuite.notification.delivery.ContactWaits;
import com.loyaltysuite.notification.delivery.DailyFigures;
import com.loyaltysuite.notification.delivery.DeliveryLog;
import com.loyaltysuite.notification.delivery.PointsAlerts;
import com.loyaltysuite.notification.delivery.PointsExpiringNotifier;
import com.loyaltysuite.notification.delivery.TierAtRiskNotifier;
import com.loyaltysuite.notification.delivery.TierChangeNotifier;
import com.loyaltysuite.notification.delivery.WelcomeNotifier;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.InboundHandlers;
import com.loyaltysuite.support.messaging.Outcome;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Member events feed the contact projection (and a registration its welcome); points, tier and
 * benefit events become messages. This only records the messages to send, in the poll batch's
 * transaction with the inbox entries: the channels' dispatchers send them after the commit, so a
 * provider that is down or slow never holds up a partition, and a batch rolled back and applied again
 * record by record has sent nothing.
 */
@Component
class InboundListener {

    private final InboundEvents inbound;
    private final InboundHandlers handlers;
    private final IntakeLimit intake;

    InboundListener(
            InboundEvents inbound,
            ContactProjection contacts,
            DeliveryLog deliveries,
            ContactWaits waits,
            TierChangeNotifier changes,
            TierAtRiskNotifier risks,
            PointsExpiringNotifier expiring,
            PointsAlerts points,
            BenefitGrantedNotifier benefits,
            WelcomeNotifier welcome,
            BirthdayGreeting birthdays,
            DailyFigures figures,
            AnomalyAlert alerts,
            EntityManager entityManager,
            RateLimiterRegistry rateLimiters,
            @Value("${loyalty.notification.intake-per-second:0}") int intakePerSecond) {
        this.inbound = inbound;
        this.intake = IntakeLimit.of(rateLimiters, intakePerSecond, Duration.ofSeconds(1));
        // Reaction names are those the inbox has known them by; TierChanged and TierAtRisk share one.
        this.handlers = InboundHandlers.builder()
                .on(MemberRegistered.class, "contacts", (registered, id) -> {
                    contacts.on(registered);
                    // A registration decides the emails that were waiting for the contact, in the same transaction.
                    waits.release(registered.memberId());
                    welcome.notify(registered, id);
                    birthdays.plan(registered.memberId());
                    figures.count(registered.registeredAt(), "new-members");
                    return Outcome.APPLIED;
                })
                .on(MemberProfileUpdated.class, "contacts", (updated, id) -> {
                    contacts.on(updated);
                    // A new birthday or time zone moves the next greeting.
                    birthdays.plan(updated.memberId());
                    return Outcome.APPLIED;
                })
                .on(ConsentChanged.class, "contacts", (consent, id) -> {
                    contacts.on(consent);
                    return Outcome.APPLIED;
                })
                .on(MemberErased.class, "contacts", (erased, id) -> {
                    contacts.on(erased);
                    deliveries.forgetRecipients(erased.memberId());
                    waits.release(erased.memberId());
                    birthdays.plan(erased.memberId());
                    return Outcome.APPLIED;
                })
                .on(TierChanged.class, "tier-change-email", (changed, id) -> {
                    changes.notify(changed, id);
                    figures.count(changed.effectiveAt(), "tier-moves");
                    return Outcome.APPLIED;
                })
                .on(TierAtRisk.class, "tier-change-email", (risk, id) -> {
                    risks.notify(risk, id);
                    return Outcome.APPLIED;
                })
                .on(PointsExpiring.class, "points-warnings", (warning, id) -> {
                    expiring.notify(warning, id);
                    return Outcome.APPLIED;
                })
                // Each points event moves the balance the alerts quote; earned, redeemed and reversed send one.
                .on(PointsEarned.class, "points-alerts", (earned, id) -> {
                    points.earned(earned, id);
                    figures.add(earned.earnedAt(), "spend", earned.orderAmount().value());
                    figures.count(earned.earnedAt(), "orders");
                    figures.add(earned.earnedAt(), "points-issued", java.math.BigDecimal.valueOf(earned.points()));
                    return Outcome.APPLIED;
                })
                .on(PointsRedeemed.class, "points-alerts", (redeemed, id) -> {
                    points.redeemed(redeemed, id);
                    figures.add(redeemed.redeemedAt(), "points-redeemed", java.math.BigDecimal.valueOf(redeemed.points()));
                    return Outcome.APPLIED;
                })
                .on(PointsReversed.class, "points-alerts", (reversed, id) -> {
                    points.reversed(reversed, id);
                    figures.count(reversed.reversedAt(), "refunds");
                    return Outcome.APPLIED;
                })
                .on(PointsExpired.class, "points-alerts", (expired, id) -> {
                    points.expired(expired);
                    figures.add(expired.expiredAt(), "points-expired", java.math.BigDecimal.valueOf(expired.points()));
                    return Outcome.APPLIED;
                })
                .on(PointsAdjusted.class, "points-alerts", (adjusted, id) -> {
                    points.adjusted(adjusted);
                    return Outcome.APPLIED;
                })
                .on(BenefitGranted.class, "benefit-messages", (granted, id) -> {
                    benefits.notify(granted, id);
                    figures.count(granted.grantedAt(), "coupons-issued");
                    return Outcome.APPLIED;
                })
                .on(BenefitRedeemed.class, "benefit-messages", (redeemed, id) -> {
                    figures.count(redeemed.redeemedAt(), "coupons-redeemed");
                    return Outcome.APPLIED;
                })
                .on(AnomalyDetected.class, "anomaly-alerts", (anomaly, id) -> {
                    alerts.decide(anomaly, id);
                    figures.count(anomaly.detectedAt(), "anomalies");
                    return Outcome.APPLIED;
                })
                // Each record's rows are written and let go of. A poll batch of 500 kept every delivery and
                // contact it touched managed, and Hibernate dirty-checked all of them at each query and
                // flush of each record: quadratic in the batch, it held this consumer under 100 events/s.
                .afterEach(() -> {
                    entityManager.flush();
                    entityManager.clear();
                })
                .build();
    }

    // Several consumers, unlike the other services: deciding a message is a handful of short queries
    // per event, so one thread mostly waits for PostgreSQL. The topics are keyed by member with the
    // same partition count, and partition i of each goes to the same consumer: a member's events stay
    // in order, and the member's advisory lock covers the rest.
    @KafkaListener(
            topics = {Topics.MEMBERS, Topics.TIERS, Topics.POINTS, Topics.BENEFITS, Topics.ANOMALIES},
            concurrency = "${loyalty.notification.consumers:3}",
            // Smaller polls than elsewhere: each record costs a few queries, so a batch of 500 took
            // seconds and its offsets, and its messages, waited for the whole of it.
            properties = "max.poll.records=${loyalty.notification.poll-records:100}")
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        intake.take(records.size());
        inbound.apply(records, handlers);
    }
}
