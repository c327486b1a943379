package com.loyaltysuite.member.directory;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.member.profile.ProfileChangeRecorded;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One member's profile row: the last state the events gave it. */
@Entity
@Table(name = "member_profile")
class MemberProfile {

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Column(name = "program_id", nullable = false)
    private String programId;

    private String name;

    private String mobile;

    private String email;

    private LocalDate birthday;

    @Column(name = "sms_consent", nullable = false)
    private boolean smsConsent;

    @Column(name = "email_consent", nullable = false)
    private boolean emailConsent;

    private String locale;

    @Column(name = "time_zone")
    private String timeZone;

    /** Comma-separated; null: none stated. */
    @Column(name = "preferred_channels")
    private String preferredChannels;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberStatus status;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MemberProfile() {}

    @Column(name = "erased_at")
    private Instant erasedAt;

    MemberProfile(RegistrationRecorded event, PersonalData personal) {
        this.memberId = event.memberId().value();
        this.programId = event.programId();
        this.name = personal.name();
        this.mobile = personal.mobile();
        this.email = personal.email();
        this.birthday = personal.birthday();
        this.smsConsent = event.consents().sms();
        this.emailConsent = event.consents().email();
        this.status = MemberStatus.ACTIVE;
        this.registeredAt = event.registeredAt();
        this.updatedAt = event.registeredAt();
    }

    void profile(ProfileChangeRecorded event, PersonalData personal) {
        name = personal.name();
        mobile = personal.mobile();
        email = personal.email();
        birthday = personal.birthday();
        locale = event.locale();
        timeZone = event.timeZone();
        preferredChannels = event.preferredChannels().isEmpty()
                ? null
                : String.join(",", event.preferredChannels().stream().map(Channel::name).toList());
        updatedAt = event.changedAt();
    }

    /** The personal fields are gone for good; status, consents and dates stay. */
    void erase(Instant at) {
        name = null;
        mobile = null;
        email = null;
        birthday = null;
        erasedAt = at;
        updatedAt = at;
    }

    void status(MemberStatus status, Instant at) {
        this.status = status;
        updatedAt = at;
    }

    void consent(Channel channel, boolean granted, Instant at) {
        switch (channel) {
            case SMS -> smsConsent = granted;
            case EMAIL -> emailConsent = granted;
        }
        updatedAt = at;
    }

    MemberView view() {
        return new MemberView(
                MemberId.of(memberId),
                programId,
                name,
                mobile,
                email,
                birthday,
                locale,
                timeZone,
                new Consents(smsConsent, emailConsent),
                status,
                registeredAt,
                preferredChannels == null
                        ? java.util.List.of()
                        : java.util.Arrays.stream(preferredChannels.split(",")).map(Channel::valueOf).toList());
    }
}
