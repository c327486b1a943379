package com.loyaltysuite.member.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.testsupport.aggregates.AggregateHarness;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** A snapshot of a member restores what replay gives, and consents change alike afterwards. */
class MemberSnapshotTest {

    static final MemberId MEMBER = MemberId.of("M-7");
    static final InMemoryMemberKeys KEYS = new InMemoryMemberKeys();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:30:00.456Z"), ZoneOffset.UTC);

    @Test
    void aSnapshotRestoresExactlyTheStateThatReplayingTheEventsGives() {
        AggregateHarness<Member> replaying = AggregateHarness.replaying(Member.class, CLOCK, KEYS);
        AggregateHarness<Member> snapshotting = AggregateHarness.snapshottingEvery(1, Member.class, CLOCK, KEYS);
        List<Object> commands = List.of(
                new RecordRegistration(MEMBER, "default", "李雷", "13800138000", null, null, new Consents(true, false)),
                new RecordConsentChange(MEMBER, Channel.EMAIL, true),
                new RecordConsentChange(MEMBER, Channel.SMS, false),
                new RecordConsentChange(MEMBER, Channel.SMS, false), // already so: nothing happens
                new UpdateProfile(MEMBER, null, "+8613900139000", "lei@example.com", null, "zh-CN", "Asia/Shanghai"),
                new ChangeStatus(MEMBER, MemberStatus.FROZEN, "review", "agent-7"),
                new RecordRegistration(MEMBER, "default", "李雷", "13800138000", null, null, new Consents(true, true)));

        List<Object> fromReplay = replaying.sendAll(commands);
        List<Object> fromSnapshots = snapshotting.sendAll(commands);

        Member replayed = replaying.load(MEMBER.value());
        assertThat(AggregateHarness.roundTrip(replayed)).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(AggregateHarness.json(replayed)).contains("\"emailConsent\":true", "\"smsConsent\":false", "\"status\":\"FROZEN\"", "\"timeZone\":\"Asia/Shanghai\"", "\"personalData\":\"v1.")
                .doesNotContain("13800138000", "lei@example.com");
        assertThat(snapshotting.snapshotsTaken()).isPositive();
        // Sealing draws a fresh IV each time, so the sealed values differ; everything else is alike.
        assertThat(unsealed(fromSnapshots)).isEqualTo(unsealed(fromReplay)).contains("MemberAlreadyRegisteredException");
        Member restored = snapshotting.load(MEMBER.value());
        assertThat(restored).usingRecursiveComparison().ignoringFields("personalData").isEqualTo(replayed);
        assertThat(KEYS.open(MEMBER, sealedOf(restored))).isEqualTo(KEYS.open(MEMBER, sealedOf(replayed))).isPresent();
        assertThat(Member.class.getAnnotation(Revision.class).value()).isEqualTo("3");
    }

    private static List<String> unsealed(List<Object> results) {
        return results.stream().map(r -> String.valueOf(r).replaceAll("v1\\.[A-Za-z0-9_-]+", "v1.sealed")).toList();
    }

    private static String sealedOf(Member member) {
        return AggregateHarness.json(member).replaceAll(".*\"personalData\":\"(v1\\.[A-Za-z0-9_-]+)\".*", "$1");
    }
}
