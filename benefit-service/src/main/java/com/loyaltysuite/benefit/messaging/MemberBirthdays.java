package com.loyaltysuite.benefit.messaging;

import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * The one place that reads a member's birthday out of member events. The events carry it in clear today;
 * when member-service encrypts personal fields per member, only this class changes (to decrypt, or to
 * find the key gone). Only the month and day are kept: the service needs no year of birth.
 */
final class MemberBirthdays {

    private MemberBirthdays() {}

    static Optional<MonthDay> of(MemberRegistered registered) {
        return monthDay(registered.birthday());
    }

    static Optional<MonthDay> of(MemberProfileUpdated updated) {
        return monthDay(updated.birthday());
    }

    private static Optional<MonthDay> monthDay(LocalDate birthday) {
        return Optional.ofNullable(birthday).map(MonthDay::from);
    }
}
