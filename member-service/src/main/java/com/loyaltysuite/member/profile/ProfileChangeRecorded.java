package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Stored: a member's profile changed. {@code changed} names the fields that changed ({@code name},
 * {@code mobile}, {@code email}, {@code birthday}, {@code locale}, {@code timeZone}); the other fields
 * carry the profile as it stands after the change, so the published {@code MemberProfileUpdated} is
 * whole. Published as the contract's {@code MemberProfileUpdated}.
 */
public record ProfileChangeRecorded(
        MemberId memberId,
        String programId,
        List<String> changed,
        String name,
        String mobile,
        String email,
        LocalDate birthday,
        String locale,
        String timeZone,
        Instant changedAt) {

    public ProfileChangeRecorded {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }
}
