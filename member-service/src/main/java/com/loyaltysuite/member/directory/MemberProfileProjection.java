package com.loyaltysuite.member.directory;

import com.loyaltysuite.events.member.ConsentPurpose;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.member.profile.ConsentChangeRecorded;
import com.loyaltysuite.member.profile.ErasureRecorded;
import com.loyaltysuite.member.profile.ProfileChangeRecorded;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import com.loyaltysuite.member.profile.StatusChangeRecorded;
import com.loyaltysuite.support.crypto.MemberKeys;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Member profiles, built from the member events. Every handler sets state rather than adding to it,
 * so a redelivered event changes nothing; a reset empties the table and the processor rebuilds it
 * from the event store.
 */
@Component
@ProcessingGroup(MemberProfileProjection.PROCESSING_GROUP)
class MemberProfileProjection {

    static final String PROCESSING_GROUP = "member-profile";

    private static final PersonalData NONE = new PersonalData(null, null, null, null);

    private final MemberProfileRepository profiles;
    private final MemberKeys keys;

    MemberProfileProjection(MemberProfileRepository profiles, MemberKeys keys) {
        this.profiles = profiles;
        this.keys = keys;
    }

    /** Opened with the member's key: once the member is erased, a replay finds nothing personal. */
    @EventHandler
    void on(RegistrationRecorded event) {
        PersonalData personal = event.clearPersonalData() != null
                ? event.clearPersonalData()
                : keys.open(event.memberId(), event.personalData()).orElse(NONE);
        profiles.save(new MemberProfile(event, personal));
    }

    @EventHandler
    void on(ErasureRecorded event) {
        profiles.findById(event.memberId().value()).ifPresent(profile -> {
            profile.erase(event.erasedAt());
            profiles.save(profile);
        });
    }

    @EventHandler
    void on(ConsentChangeRecorded event) {
        if (event.purpose() != ConsentPurpose.MARKETING) {
            return; // the profile shows the marketing consents; every consent is in the consent history
        }
        // A member's events are handled in order, so the profile exists by now.
        profiles.findById(event.memberId().value()).ifPresent(profile -> {
            profile.consent(event.channel(), event.granted(), event.changedAt());
            profiles.save(profile);
        });
    }

    @EventHandler
    void on(ProfileChangeRecorded event) {
        profiles.findById(event.memberId().value()).ifPresent(profile -> {
            profile.profile(event, keys.open(event.memberId(), event.personalData()).orElse(NONE));
            profiles.save(profile);
        });
    }

    @EventHandler
    void on(StatusChangeRecorded event) {
        profiles.findById(event.memberId().value()).ifPresent(profile -> {
            profile.status(event.status(), event.changedAt());
            profiles.save(profile);
        });
    }

    @QueryHandler
    Optional<MemberView> handle(FindMember query) {
        return profiles.findById(query.memberId().value()).map(MemberProfile::view);
    }

    @ResetHandler
    void reset() {
        profiles.deleteAllInBatch();
    }
}
