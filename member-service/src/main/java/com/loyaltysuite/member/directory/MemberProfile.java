package com.loyaltysuite.member.directory;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

    @Column(nullable = false)
    private String name;

    private String mobile;

    private String email;

    private LocalDate birthday;

    @Column(name = "sms_consent", nullable = false)
    private boolean smsConsent;

    @Column(name = "email_consent", nullable = false)
    private boolean emailConsent;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MemberProfile() {}

    MemberProfile(RegistrationRecorded event) {
        this.memberId = event.memberId().value();
        this.programId = event.programId();
        this.name = event.name();
        this.mobile = event.mobile();
        this.email = event.email();
        this.birthday = event.birthday();
        this.smsConsent = event.consents().sms();
        this.emailConsent = event.consents().email();
        this.registeredAt = event.registeredAt();
        this.updatedAt = event.registeredAt();
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
                new Consents(smsConsent, emailConsent),
                registeredAt);
    }
}
