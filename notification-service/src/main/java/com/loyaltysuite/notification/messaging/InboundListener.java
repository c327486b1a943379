package com.loyaltysuite.notification.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.points.PointsExpiring;
import com.loyaltysuite.events.tier.TierAtRisk;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.notification.contact.ContactProjection;
import com.loyaltysuite.notification.delivery.ContactWaits;
import com.loyaltysuite.notification.delivery.DeliveryLog;
import com.loyaltysuite.notification.delivery.PointsExpiringNotifier;
import com.loyaltysuite.notification.delivery.TierAtRiskNotifier;
import com.loyaltysuite.notification.delivery.TierChangeNotifier;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.InboundHandlers;
import com.loyaltysuite.support.messaging.Outcome;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Member events feed the contact projection; tier changes, tier-at-risk warnings and expiring points
 * become emails. The other points events tell the member nothing they need to act on and are passed
 * over undecoded. Emails leave the database, so each record commits on its own: a failed batch
 * could not take back a mail already sent before it is retried record by record.
 */
@Component
class InboundListener {

    private final InboundEvents inbound;
    private final InboundHandlers handlers;

    InboundListener(
            InboundEvents inbound,
            ContactProjection contacts,
            DeliveryLog deliveries,
            ContactWaits waits,
            TierChangeNotifier changes,
            TierAtRiskNotifier risks,
            PointsExpiringNotifier expiring) {
        this.inbound = inbound;
        // Reaction names are those the inbox has known them by; TierChanged and TierAtRisk share one.
        this.handlers = InboundHandlers.builder()
                .on(MemberRegistered.class, "contacts", (registered, id) -> {
                    contacts.on(registered);
                    // A registration decides the emails that were waiting for the contact, in the same transaction.
                    waits.release(registered.memberId());
                    return Outcome.APPLIED;
                })
                .on(MemberProfileUpdated.class, "contacts", (updated, id) -> {
                    contacts.on(updated);
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
                    return Outcome.APPLIED;
                })
                .on(TierChanged.class, "tier-change-email", (changed, id) -> {
                    changes.notify(changed, id);
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
                .transactionPerRecord()
                .build();
    }

    @KafkaListener(topics = {Topics.MEMBERS, Topics.TIERS, Topics.POINTS})
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        inbound.apply(records, handlers);
    }
}
