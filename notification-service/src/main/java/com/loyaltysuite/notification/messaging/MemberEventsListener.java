package com.loyaltysuite.notification.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.notification.contact.ContactProjection;
import com.loyaltysuite.notification.delivery.ContactWaits;
import com.loyaltysuite.notification.delivery.DeliveryLog;
import com.loyaltysuite.support.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds member-service's events into the contact projection (and erasure into the delivery log). A
 * registration or erasure also decides the emails that were waiting for the member's contact, in the
 * same transaction.
 */
@Component
class MemberEventsListener {

    private final InboundEvents inbound;
    private final ContactProjection contacts;
    private final DeliveryLog deliveries;
    private final ContactWaits waits;

    MemberEventsListener(
            InboundEvents inbound, ContactProjection contacts, DeliveryLog deliveries, ContactWaits waits) {
        this.inbound = inbound;
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.waits = waits;
    }

    @KafkaListener(topics = Topics.MEMBERS)
    void onMemberEvent(ConsumerRecord<String, byte[]> record) {
        inbound.apply("contacts", record, envelope -> {
            if (envelope.data() instanceof MemberRegistered registered) {
                contacts.on(registered);
                waits.release(registered.memberId());
            } else if (envelope.data() instanceof MemberProfileUpdated updated) {
                contacts.on(updated);
            } else if (envelope.data() instanceof ConsentChanged consent) {
                contacts.on(consent);
            } else if (envelope.data() instanceof MemberErased erased) {
                contacts.on(erased);
                deliveries.forgetRecipients(erased.memberId());
                waits.release(erased.memberId());
            }
        });
    }
}
