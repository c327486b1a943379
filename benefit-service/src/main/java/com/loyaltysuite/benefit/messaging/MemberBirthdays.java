package com.loyaltysuite.benefit.messaging;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.support.crypto.DataKeyNotYetKnownException;
import com.loyaltysuite.support.crypto.MemberKeys;
import com.loyaltysuite.support.crypto.PersonalDataCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one place that reads a member's birthday out of member events. member-service seals the personal
 * fields per member ({@code personalData}, ADR 9): they are opened with this service's copy of the
 * member's data key (from {@code loyalty.member-keys.v1}). An event published before sealing carries the
 * birthday in clear. Only the month and day are kept: the service needs no year of birth.
 *
 * <p>A key not here yet is waited for ({@link DataKeyNotYetKnownException}, the record is retried: the key
 * topic and the member topic are not ordered together), unless the event is older than
 * {@code loyalty.benefits.data-key-wait}: then its key was erased and compacted away long ago. An erased
 * member's key is shredded: their birthday stays closed.
 */
@Component
class MemberBirthdays {

    private final MemberKeys keys;
    private final Clock clock;
    private final Duration keyWait;

    MemberBirthdays(
            MemberKeys keys, Clock clock, @Value("${loyalty.benefits.data-key-wait:PT10M}") Duration keyWait) {
        this.keys = keys;
        this.clock = clock;
        this.keyWait = keyWait;
    }

    Optional<MonthDay> of(MemberRegistered registered) {
        return registered.personalData() == null
                ? monthDay(registered.birthday())
                : open(registered.memberId(), registered.personalData(), registered.registeredAt());
    }

    Optional<MonthDay> of(MemberProfileUpdated updated) {
        return updated.personalData() == null
                ? monthDay(updated.birthday())
                : open(updated.memberId(), updated.personalData(), updated.updatedAt());
    }

    /** The member erased: their key copy goes (the tombstone on the key topic may come later, or never). */
    void forget(MemberId member) {
        keys.shred(member);
    }

    private Optional<MonthDay> open(MemberId member, String sealed, Instant at) {
        MemberKeys.Lookup lookup = keys.find(member);
        if (lookup instanceof MemberKeys.Lookup.Known known) {
            return PersonalDataCipher.open(member, known.key(), sealed)
                    .map(PersonalData::birthday)
                    .flatMap(MemberBirthdays::monthDay);
        }
        if (lookup instanceof MemberKeys.Lookup.Unknown && at.plus(keyWait).isAfter(clock.instant())) {
            throw new DataKeyNotYetKnownException(member);
        }
        return Optional.empty();
    }

    private static Optional<MonthDay> monthDay(LocalDate birthday) {
        return Optional.ofNullable(birthday).map(MonthDay::from);
    }
}
