package com.loyaltysuite.member.profile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.ConsentPurpose;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.support.crypto.MemberErasedException;
import com.loyaltysuite.support.crypto.MemberKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A programme member. Decides whether a registration is accepted (an id registers once) and which
 * profile, consent and status changes are real changes, so that consumers only hear of changes. The
 * personal fields are kept and stored sealed with the member's data key ({@link MemberKeys}, the one
 * port it uses: to seal a registration and to compare a profile change), so neither its events nor its
 * snapshots hold them in clear (ADR 9).
 */
@Aggregate(cache = "memberCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("3") // a snapshot is its fields: bump when they change (MemberSnapshotTest)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class Member {

    @AggregateIdentifier
    private MemberId memberId;

    private String programId;
    private boolean smsConsent;
    private boolean emailConsent;
    private boolean smsTransactional;
    private boolean emailTransactional;
    private MemberStatus status;
    /** The personal fields, sealed with the member's data key. */
    private String personalData;
    /** The personal fields of a registration stored before sealing, in clear; null otherwise. */
    private PersonalData clearPersonalData;
    private boolean erased;
    private String locale;
    private String timeZone;
    /** The channels the member wants to be told on; empty: any they consented to. */
    private List<Channel> preferredChannels = List.of();

    protected Member() {
        // for Axon
    }

    /**
     * CREATE_IF_MISSING rather than a constructor, so that a second registration of an id meets this
     * rule and a named exception. Within one instance Axon locks the id, so concurrent registrations
     * meet it one after the other; on two instances both may pass it, and the event store then refuses
     * the second stream's first event (Axon's AggregateStreamCreationException).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegistrationRecorded handle(RecordRegistration command, Clock clock, MemberKeys keys) {
        if (memberId != null) {
            throw new MemberAlreadyRegisteredException(command.memberId());
        }
        String sealed = keys.seal(command.memberId(),
                new PersonalData(command.name(), command.mobile(), command.email(), command.birthday()));
        RegistrationRecorded registered = new RegistrationRecorded(
                command.memberId(),
                command.programId(),
                null,
                null,
                null,
                null,
                command.consents(),
                now(clock),
                sealed);
        apply(registered);
        return registered;
    }

    @CommandHandler
    void handle(RecordConsentChange command, Clock clock) {
        if (consentOn(command.channel(), command.purpose()) == command.granted()) {
            return; // already so: nothing happened, nothing to tell
        }
        apply(new ConsentChangeRecorded(memberId, programId, command.channel(), command.granted(), now(clock),
                command.purpose(), command.source()));
    }

    /** Freeze, unfreeze or close; the status already in force is accepted and does nothing. Closed is final. */
    @CommandHandler
    void handle(ChangeStatus command, Clock clock) {
        if (status == MemberStatus.CLOSED) {
            throw new MemberClosedException(memberId);
        }
        if (status == command.status()) {
            return;
        }
        apply(new StatusChangeRecorded(
                memberId, programId, command.status(), status, command.reason(), command.operator(), now(clock)));
    }

    @EventSourcingHandler
    void on(StatusChangeRecorded event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(RegistrationRecorded event) {
        memberId = event.memberId();
        programId = event.programId();
        smsConsent = event.consents().sms();
        emailConsent = event.consents().email();
        // Messages about the member's own account are part of membership until withdrawn.
        smsTransactional = true;
        emailTransactional = true;
        status = MemberStatus.ACTIVE;
        personalData = event.personalData();
        clearPersonalData = event.clearPersonalData();
    }

    /**
     * Records the fields that really change; the same values again are accepted and change nothing. A
     * closed membership's profile no longer changes.
     */
    @CommandHandler
    void handle(UpdateProfile command, Clock clock, MemberKeys keys) {
        if (erased) {
            throw new MemberErasedException(memberId);
        }
        if (status == MemberStatus.CLOSED) {
            throw new MemberClosedException(memberId);
        }
        PersonalData current = clearPersonalData != null
                ? clearPersonalData
                : keys.open(memberId, personalData).orElseThrow(() -> new MemberErasedException(memberId));
        List<String> changed = new ArrayList<>();
        String newName = changed(changed, "name", current.name(), command.name());
        String newMobile = changed(changed, "mobile", current.mobile(), command.mobile());
        String newEmail = changed(changed, "email", current.email(), command.email());
        LocalDate newBirthday = changed(changed, "birthday", current.birthday(), command.birthday());
        String newLocale = changed(changed, "locale", locale, command.locale());
        String newTimeZone = changed(changed, "timeZone", timeZone, command.timeZone());
        List<Channel> newPreferred = changed(changed, "preferredChannels", preferredChannels(),
                command.preferredChannels() == null ? null : command.preferredChannels().stream().distinct().toList());
        if (!changed.isEmpty()) {
            String sealed = keys.seal(memberId, new PersonalData(newName, newMobile, newEmail, newBirthday));
            apply(new ProfileChangeRecorded(
                    memberId, programId, changed, sealed, newLocale, newTimeZone, now(clock), newPreferred));
        }
    }

    /** Erases the personal data once; erasing again changes nothing. Status, consents and history stay. */
    @CommandHandler
    void handle(EraseMember command, Clock clock) {
        if (!erased) {
            apply(new ErasureRecorded(memberId, programId, command.reason(), command.operator(), now(clock)));
        }
    }

    @EventSourcingHandler
    void on(ErasureRecorded event) {
        erased = true;
        personalData = null;
        clearPersonalData = null;
    }

    private static <T> T changed(List<String> changed, String field, T current, T given) {
        if (given == null || Objects.equals(given, current)) {
            return current;
        }
        changed.add(field);
        return given;
    }

    @EventSourcingHandler
    void on(ProfileChangeRecorded event) {
        personalData = event.personalData();
        clearPersonalData = null;
        locale = event.locale();
        timeZone = event.timeZone();
        preferredChannels = event.preferredChannels();
    }

    /** Snapshots taken before preferences existed restore none. */
    private List<Channel> preferredChannels() {
        return preferredChannels == null ? List.of() : preferredChannels;
    }

    @EventSourcingHandler
    void on(ConsentChangeRecorded event) {
        boolean marketing = event.purpose() == ConsentPurpose.MARKETING;
        switch (event.channel()) {
            case SMS -> {
                if (marketing) smsConsent = event.granted(); else smsTransactional = event.granted();
            }
            case EMAIL -> {
                if (marketing) emailConsent = event.granted(); else emailTransactional = event.granted();
            }
        }
    }

    private boolean consentOn(Channel channel, ConsentPurpose purpose) {
        boolean marketing = purpose == ConsentPurpose.MARKETING;
        return switch (channel) {
            case SMS -> marketing ? smsConsent : smsTransactional;
            case EMAIL -> marketing ? emailConsent : emailTransactional;
        };
    }

    /** Milliseconds: the read model and the published events then show the same instant. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
