package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a member's birthday greeting comes due, in their own time zone. */
class BirthdayGreetingTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalTime TEN = LocalTime.of(10, 0);

    @Test
    void dueOnTheBirthdayAtTenInTheMembersZone() {
        Instant from = Instant.parse("2026-12-05T04:00:00Z");

        assertThat(BirthdayGreeting.next(MonthDay.of(12, 24), SHANGHAI, TEN, from))
                .isEqualTo(Instant.parse("2026-12-24T02:00:00Z"));
        assertThat(BirthdayGreeting.next(MonthDay.of(12, 24), LONDON, TEN, from))
                .isEqualTo(Instant.parse("2026-12-24T10:00:00Z"));
    }

    @Test
    void aBirthdayPassedThisYearIsDueNextYear() {
        assertThat(BirthdayGreeting.next(MonthDay.of(3, 1), SHANGHAI, TEN, Instant.parse("2026-12-05T04:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-01T02:00:00Z"));
    }

    @Test
    void onTheBirthdayItselfPastTheHourItIsDueAtOnce() {
        Instant afternoon = Instant.parse("2026-12-05T07:00:00Z"); // 15:00 in Shanghai
        assertThat(BirthdayGreeting.next(MonthDay.of(12, 5), SHANGHAI, TEN, afternoon)).isEqualTo(afternoon);
    }

    @Test
    void theBirthdayIsTheMembersLocalDay() {
        // 2026-12-05T23:30Z is already 6 December in Shanghai, still 5 December in London.
        Instant lateEvening = Instant.parse("2026-12-05T23:30:00Z");
        assertThat(BirthdayGreeting.next(MonthDay.of(12, 5), LONDON, TEN, lateEvening)).isEqualTo(lateEvening);
        assertThat(BirthdayGreeting.next(MonthDay.of(12, 5), SHANGHAI, TEN, lateEvening))
                .isEqualTo(Instant.parse("2027-12-05T02:00:00Z"));
    }

    @Test
    void aLeapDayBirthdayIsGreetedOnThe28thInOtherYears() {
        assertThat(BirthdayGreeting.next(MonthDay.of(2, 29), SHANGHAI, TEN, Instant.parse("2026-12-05T04:00:00Z")))
                .isEqualTo(Instant.parse("2027-02-28T02:00:00Z"));
        assertThat(BirthdayGreeting.next(MonthDay.of(2, 29), SHANGHAI, TEN, Instant.parse("2027-12-05T04:00:00Z")))
                .isEqualTo(Instant.parse("2028-02-29T02:00:00Z"));
    }

    @Test
    void oneMessageIdPerMemberYearAndChannel() {
        MemberId member = MemberId.of("M-1");
        String thisYear = MessageIds.of(BirthdayGreeting.causation(member, 2026), Channel.SMS, "birthday");

        assertThat(MessageIds.of(BirthdayGreeting.causation(member, 2026), Channel.SMS, "birthday")).isEqualTo(thisYear);
        assertThat(MessageIds.of(BirthdayGreeting.causation(member, 2027), Channel.SMS, "birthday")).isNotEqualTo(thisYear);
        assertThat(MessageIds.of(BirthdayGreeting.causation(member, 2026), Channel.EMAIL, "birthday")).isNotEqualTo(thisYear);
        assertThat(MessageIds.of(BirthdayGreeting.causation(MemberId.of("M-2"), 2026), Channel.SMS, "birthday"))
                .isNotEqualTo(thisYear);
    }
}
