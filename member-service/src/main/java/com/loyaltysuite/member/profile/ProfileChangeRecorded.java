package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.util.List;

/**
 * Stored: a member's profile changed. {@code changed} names the fields that changed ({@code name},
 * {@code mobile}, {@code email}, {@code birthday}, {@code locale}, {@code timeZone}, {@code preferredChannels}); {@code personalData}
 * is the whole personal part of the profile after the change, sealed with the member's data key (ADR 9);
 * locale, time zone and preferred channels, not personal, are in clear ({@code preferredChannels} is
 * empty in events stored before members could state them, and when they stated none). Published as the contract's {@code MemberProfileUpdated}.
 */
public record ProfileChangeRecorded(
        MemberId memberId,
        String programId,
        List<String> changed,
        String personalData,
        String locale,
        String timeZone,
        Instant changedAt,
        List<Channel> preferredChannels) {

    public ProfileChangeRecorded {
        changed = changed == null ? List.of() : List.copyOf(changed);
        preferredChannels = preferredChannels == null ? List.of() : List.copyOf(preferredChannels);
    }

    /** Without preferred channels (the form stored before members could state them). */
    public ProfileChangeRecorded(
            MemberId memberId,
            String programId,
            List<String> changed,
            String personalData,
            String locale,
            String timeZone,
            Instant changedAt) {
        this(memberId, programId, changed, personalData, locale, timeZone, changedAt, List.of());
    }
}
