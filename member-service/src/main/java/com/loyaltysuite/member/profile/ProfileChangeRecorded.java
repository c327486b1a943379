package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.util.List;

/**
 * Stored: a member's profile changed. {@code changed} names the fields that changed ({@code name},
 * {@code mobile}, {@code email}, {@code birthday}, {@code locale}, {@code timeZone}); {@code personalData}
 * is the whole personal part of the profile after the change, sealed with the member's data key (ADR 9);
 * locale and time zone, not personal, are in clear. Published as the contract's {@code MemberProfileUpdated}.
 */
public record ProfileChangeRecorded(
        MemberId memberId,
        String programId,
        List<String> changed,
        String personalData,
        String locale,
        String timeZone,
        Instant changedAt) {

    public ProfileChangeRecorded {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }
}
