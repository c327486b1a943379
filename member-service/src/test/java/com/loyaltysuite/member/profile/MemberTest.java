package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant REGISTERED_AT = Instant.parse("2026-11-23T10:00:00.123Z");
    static final Instant NOW = Instant.parse("2026-11-24T09:30:00.456Z");

    AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void registeringRecordsTheProfileAtTheClocksTime() {
        fixture.givenNoPriorActivity()
                .when(register())
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(NOW))
                .expectResultMessagePayload(registered(NOW));
    }

    @Test
    void theClocksSubMillisecondDigitsAreDropped() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-11-24T09:30:00.456789Z"), ZoneOffset.UTC));

        fixture.givenNoPriorActivity().when(register()).expectEvents(registered(NOW));
    }

    @Test
    void emailAndBirthdayAreOptional() {
        var bare = new RecordRegistration(MEMBER, "default", "李雷", "13800138000", null, null, new Consents(false, false));

        fixture.givenNoPriorActivity()
                .when(bare)
                .expectEvents(new RegistrationRecorded(
                        MEMBER, "default", "李雷", "13800138000", null, null, new Consents(false, false), NOW));
    }

    @Test
    void anIdRegistersOnlyOnce() {
        fixture.given(registered(REGISTERED_AT))
                .when(register())
                .expectException(MemberAlreadyRegisteredException.class)
                .expectExceptionMessage("Member M-1 is already registered")
                .expectNoEvents();
    }

    @Test
    void freezingRecordsTheReasonAndTheOperator() {
        fixture.given(registered(REGISTERED_AT))
                .when(new ChangeStatus(MEMBER, MemberStatus.FROZEN, "chargeback under review", "agent-7"))
                .expectEvents(new StatusChangeRecorded(
                        MEMBER, "default", MemberStatus.FROZEN, MemberStatus.ACTIVE, "chargeback under review", "agent-7", NOW));
    }

    @Test
    void theStatusInForceAgainChangesNothing() {
        fixture.given(registered(REGISTERED_AT))
                .when(new ChangeStatus(MEMBER, MemberStatus.ACTIVE, "no change", "agent-7"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unfreezingFollowsAFreeze() {
        fixture.given(registered(REGISTERED_AT), new StatusChangeRecorded(
                        MEMBER, "default", MemberStatus.FROZEN, MemberStatus.ACTIVE, "review", "agent-7", REGISTERED_AT))
                .when(new ChangeStatus(MEMBER, MemberStatus.ACTIVE, "cleared", "agent-8"))
                .expectEvents(new StatusChangeRecorded(
                        MEMBER, "default", MemberStatus.ACTIVE, MemberStatus.FROZEN, "cleared", "agent-8", NOW));
    }

    @Test
    void aClosedMembershipIsFinal() {
        fixture.given(registered(REGISTERED_AT), new StatusChangeRecorded(
                        MEMBER, "default", MemberStatus.CLOSED, MemberStatus.ACTIVE, "on request", "agent-7", REGISTERED_AT))
                .when(new ChangeStatus(MEMBER, MemberStatus.ACTIVE, "reopen", "agent-8"))
                .expectException(MemberClosedException.class)
                .expectNoEvents();
    }

    @Test
    void aProfileChangeNamesTheFieldsThatChangedAndCarriesTheWholeProfile() {
        fixture.given(registered(REGISTERED_AT))
                .when(new UpdateProfile(MEMBER, null, "+8613900139000", "meimei@example.com", null, "zh-CN", "Asia/Shanghai"))
                .expectEvents(new ProfileChangeRecorded(MEMBER, "default", List.of("mobile", "locale", "timeZone"), "韩梅梅",
                        "+8613900139000", "meimei@example.com", LocalDate.of(1990, 5, 17), "zh-CN", "Asia/Shanghai", NOW));
    }

    @Test
    void theProfileAsItIsChangesNothing() {
        fixture.given(registered(REGISTERED_AT))
                .when(new UpdateProfile(MEMBER, "韩梅梅", null, "meimei@example.com", null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aClosedMembersProfileNoLongerChanges() {
        fixture.given(registered(REGISTERED_AT), new StatusChangeRecorded(
                        MEMBER, "default", MemberStatus.CLOSED, MemberStatus.ACTIVE, "on request", "agent-7", REGISTERED_AT))
                .when(new UpdateProfile(MEMBER, "新名字", null, null, null, null, null))
                .expectException(MemberClosedException.class);
    }

    @Test
    void withdrawingAGrantedConsentIsAChange() {
        fixture.given(registered(REGISTERED_AT))
                .when(new RecordConsentChange(MEMBER, Channel.SMS, false))
                .expectEvents(new ConsentChangeRecorded(MEMBER, "default", Channel.SMS, false, NOW));
    }

    @Test
    void grantingAWithdrawnConsentIsAChange() {
        fixture.given(registered(REGISTERED_AT))
                .when(new RecordConsentChange(MEMBER, Channel.EMAIL, true))
                .expectEvents(new ConsentChangeRecorded(MEMBER, "default", Channel.EMAIL, true, NOW));
    }

    @Test
    void confirmingTheCurrentConsentChangesNothing() {
        fixture.given(registered(REGISTERED_AT))
                .when(new RecordConsentChange(MEMBER, Channel.SMS, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aChangedConsentIsTheNewCurrentOne() {
        fixture.given(registered(REGISTERED_AT), new ConsentChangeRecorded(MEMBER, "default", Channel.EMAIL, true, REGISTERED_AT))
                .when(new RecordConsentChange(MEMBER, Channel.EMAIL, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnknownMembersConsentCannotChange() {
        fixture.givenNoPriorActivity()
                .when(new RecordConsentChange(MEMBER, Channel.SMS, true))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    static RecordRegistration register() {
        return new RecordRegistration(
                MEMBER,
                "default",
                "韩梅梅",
                "+8613800138000",
                "meimei@example.com",
                LocalDate.of(1990, 5, 17),
                new Consents(true, false));
    }

    static RegistrationRecorded registered(Instant at) {
        return new RegistrationRecorded(
                MEMBER,
                "default",
                "韩梅梅",
                "+8613800138000",
                "meimei@example.com",
                LocalDate.of(1990, 5, 17),
                new Consents(true, false),
                at);
    }
}
