package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** One message decided on for a member, and its outcome. Unique per (cause, channel, template). */
@Entity
@Table(name = "notification_delivery")
class NotificationDelivery implements Persistable<String> {

    @Id
    @Column(name = "notification_id")
    private String notificationId;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Column(name = "program_id", nullable = false)
    private String programId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String template;

    @Column(name = "causation_id", nullable = false)
    private String causationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    private String reason;

    private String recipient;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    /** Until the message is sent, skipped or failed: the event it is about, as JSON; null after. */
    private String payload;

    /** The ce_type of {@link #payload}. */
    @Column(name = "event_type")
    private String eventType;

    /** What the message needs that the event does not carry (e.g. the balance after), as JSON. */
    private String facts;

    /** Not to be sent before (quiet hours, the next try); null = at once. */
    @Column(name = "not_before")
    private Instant notBefore;

    /**
     * Made here and not stored yet: saved with a plain insert. With an id of its own and no version,
     * Spring Data would otherwise merge it, reading the row first to find it absent.
     */
    @Transient
    private boolean fresh;

    protected NotificationDelivery() {}

    NotificationDelivery(
            String notificationId,
            String memberId,
            String programId,
            Channel channel,
            String template,
            String causationId,
            DeliveryStatus status,
            String reason,
            String recipient,
            Instant recordedAt) {
        this.notificationId = notificationId;
        this.memberId = memberId;
        this.programId = programId;
        this.channel = channel;
        this.template = template;
        this.causationId = causationId;
        this.status = status;
        this.reason = reason;
        this.recipient = recipient;
        this.recordedAt = recordedAt;
        this.fresh = true;
    }

    @Override
    public String getId() {
        return notificationId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostPersist
    @PostLoad
    void stored() {
        fresh = false;
    }

    /** A delivery that waits for the member's contact details, keeping the event it is about. */
    static NotificationDelivery waiting(
            String notificationId,
            String memberId,
            String programId,
            Channel channel,
            String template,
            String causationId,
            String reason,
            String eventType,
            String payload,
            String facts,
            Instant recordedAt) {
        NotificationDelivery delivery = new NotificationDelivery(notificationId, memberId, programId, channel,
                template, causationId, DeliveryStatus.WAITING_FOR_CONTACT, reason, null, recordedAt);
        delivery.eventType = eventType;
        delivery.payload = payload;
        delivery.facts = facts;
        return delivery;
    }

    /**
     * A message to send to {@code recipient}, keeping the event and facts to write it from when its
     * dispatcher sends it, not before {@code notBefore} (null = at once).
     */
    void pending(String recipient, String eventType, String payload, String facts, Instant notBefore, Instant at) {
        this.status = DeliveryStatus.PENDING;
        this.reason = notBefore == null ? null : "waits for the end of quiet hours at " + notBefore;
        this.recipient = recipient;
        this.eventType = eventType;
        this.payload = payload;
        this.facts = facts;
        this.notBefore = notBefore;
        this.recordedAt = at;
    }

    /** Decides a waiting delivery: it takes its outcome and no longer needs the event it kept. */
    void decided(DeliveryStatus status, String reason, String recipient, Instant at) {
        this.status = status;
        this.reason = reason;
        this.recipient = recipient;
        this.recordedAt = at;
        this.payload = null;
        this.facts = null;
        this.notBefore = null;
    }

    String eventType() {
        return eventType;
    }

    String facts() {
        return facts;
    }

    Channel channel() {
        return channel;
    }

    String programId() {
        return programId;
    }

    boolean waiting() {
        return status == DeliveryStatus.WAITING_FOR_CONTACT;
    }

    String notificationId() {
        return notificationId;
    }

    String memberId() {
        return memberId;
    }

    String template() {
        return template;
    }

    String causationId() {
        return causationId;
    }

    String payload() {
        return payload;
    }

    void forgetRecipient() {
        recipient = null;
    }

    DeliveryView view() {
        return new DeliveryView(
                notificationId, memberId, channel, template, status, reason, recipient, causationId, recordedAt);
    }
}
