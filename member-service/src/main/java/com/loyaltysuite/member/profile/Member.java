package com.loyaltysuite.member.profile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A programme member. Decides whether a registration is accepted (an id registers once) and which
 * consent changes are real changes, so that consumers only hear of changes.
 */
@Aggregate(cache = "memberCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("1") // a snapshot is its fields: bump when they change (MemberSnapshotTest)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class Member {

    @AggregateIdentifier
    private MemberId memberId;

    private String programId;
    private boolean smsConsent;
    private boolean emailConsent;

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
    RegistrationRecorded handle(RecordRegistration command, Clock clock) {
        if (memberId != null) {
            throw new MemberAlreadyRegisteredException(command.memberId());
        }
        RegistrationRecorded registered = new RegistrationRecorded(
                command.memberId(),
                command.programId(),
                command.name(),
                command.mobile(),
                command.email(),
                command.birthday(),
                command.consents(),
                now(clock));
        apply(registered);
        return registered;
    }

    @CommandHandler
    void handle(RecordConsentChange command, Clock clock) {
        if (consentOn(command.channel()) == command.granted()) {
            return; // already so: nothing happened, nothing to tell
        }
        apply(new ConsentChangeRecorded(memberId, programId, command.channel(), command.granted(), now(clock)));
    }

    @EventSourcingHandler
    void on(RegistrationRecorded event) {
        memberId = event.memberId();
        programId = event.programId();
        smsConsent = event.consents().sms();
        emailConsent = event.consents().email();
    }

    @EventSourcingHandler
    void on(ConsentChangeRecorded event) {
        switch (event.channel()) {
            case SMS -> smsConsent = event.granted();
            case EMAIL -> emailConsent = event.granted();
        }
    }

    private boolean consentOn(Channel channel) {
        return switch (channel) {
            case SMS -> smsConsent;
            case EMAIL -> emailConsent;
        };
    }

    /** Milliseconds: the read model and the published events then show the same instant. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
