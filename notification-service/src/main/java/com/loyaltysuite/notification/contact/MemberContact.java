package com.loyaltysuite.notification.contact;

import com.loyaltysuite.events.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How to reach one member, and on which channels they agreed to be contacted. */
@Entity
@Table(name = "member_contact")
class MemberContact {

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Column(name = "program_id", nullable = false)
    private String programId;

    private String name;

    private String mobile;

    private String email;

    @Column(name = "sms_consent", nullable = false)
    private boolean smsConsent;

    @Column(name = "email_consent", nullable = false)
    private boolean emailConsent;

    @Column(name = "sms_transactional_consent", nullable = false)
    private boolean smsTransactionalConsent = true;

    @Column(name = "email_transactional_consent", nullable = false)
    private boolean emailTransactionalConsent = true;

    /** IANA zone id; null: the programme's zone. */
    @Column(name = "time_zone")
    private String timeZone;

    /** Comma-separated channels; null: any the member consented to. */
    @Column(name = "preferred_channels")
    private String preferredChannels;

    /** Month and day ({@code --MM-DD} without the dashes in front: {@code MM-DD}); no year is kept. */
    private String birthday;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "erased_at")
    private Instant erasedAt;

    protected MemberContact() {}

    /** A contact known only by id until its profile arrives; it may be contacted on no channel. */
    MemberContact(String memberId, String programId) {
        this.memberId = memberId;
        this.programId = programId;
        this.updatedAt = Instant.EPOCH;
    }

    void profile(String name, String mobile, String email, Instant at) {
        this.name = name;
        this.mobile = mobile;
        this.email = email;
        this.updatedAt = at;
    }

    void birthday(java.time.LocalDate date) {
        this.birthday = date == null ? null : String.format("%02d-%02d", date.getMonthValue(), date.getDayOfMonth());
    }

    /** Locale and zone are not personal data: they travel in clear; null leaves the zone as it is. */
    void timeZone(String zone) {
        if (zone != null) {
            this.timeZone = zone;
        }
    }

    void preferredChannels(java.util.List<Channel> channels) {
        this.preferredChannels = channels == null || channels.isEmpty()
                ? null
                : String.join(",", channels.stream().map(Channel::name).distinct().toList());
    }

    void consent(Channel channel, boolean granted, Instant at) {
        switch (channel) {
            case SMS -> smsConsent = granted;
            case EMAIL -> emailConsent = granted;
        }
        this.updatedAt = at;
    }

    /** Consent to messages about the member's own account (orders, points, tier) on a channel. */
    void transactionalConsent(Channel channel, boolean granted, Instant at) {
        switch (channel) {
            case SMS -> smsTransactionalConsent = granted;
            case EMAIL -> emailTransactionalConsent = granted;
        }
        this.updatedAt = at;
    }

    void erase(Instant at) {
        name = null;
        mobile = null;
        email = null;
        smsConsent = false;
        emailConsent = false;
        smsTransactionalConsent = false;
        emailTransactionalConsent = false;
        birthday = null;
        timeZone = null;
        preferredChannels = null;
        updatedAt = at;
        erasedAt = at;
    }

    boolean erased() {
        return erasedAt != null;
    }

    ContactView view() {
        return new ContactView(
                memberId,
                programId,
                name,
                mobile,
                email,
                smsConsent,
                emailConsent,
                erasedAt != null,
                smsTransactionalConsent,
                emailTransactionalConsent,
                timeZone,
                preferredChannels == null
                        ? java.util.List.of()
                        : java.util.Arrays.stream(preferredChannels.split(",")).map(Channel::valueOf).toList(),
                birthday == null ? null : java.time.MonthDay.parse("--" + birthday));
    }
}
