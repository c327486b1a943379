package com.loyaltysuite.member.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.support.crypto.MemberErasedException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
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
        fixture.registerInjectableResource(keys);
    }

    final InMemoryMemberKeys keys = new InMemoryMemberKeys();
    final List<Object> events = new ArrayList<>();

    @Test
    void registeringRecordsTheProfileSealedWithTheMembersKeyAtTheClocksTime() {
        fixture.givenNoPriorActivity()
                .when(register())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(capture());

        assertThat(events).singleElement().isInstanceOfSatisfying(RegistrationRecorded.class, e -> {
            assertThat(e.name()).isNull();
            assertThat(e.mobile()).isNull();
            assertThat(e.email()).isNull();
            assertThat(e.birthday()).isNull();
            assertThat(e.registeredAt()).isEqualTo(NOW);
            assertThat(e.consents()).isEqualTo(new Consents(true, false));
            assertThat(e.personalData()).doesNotContain("13800138000", "meimei");
            assertThat(keys.open(MEMBER, e.personalData())).hasValue(
                    new PersonalData("韩梅梅", "+8613800138000", "meimei@example.com", LocalDate.of(1990, 5, 17)));
        });
    }

    @Test
    void theClocksSubMillisecondDigitsAreDropped() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-11-24T09:30:00.456789Z"), ZoneOffset.UTC));
        fixture.registerInjectableResource(keys);

        fixture.givenNoPriorActivity().when(register()).expectEventsMatching(capture());
        assertThat(((RegistrationRecorded) events.get(0)).registeredAt()).isEqualTo(NOW);
    }

    @Test
    void emailAndBirthdayAreOptional() {
        var bare = new RecordRegistration(MEMBER, "default", "李雷", "13800138000", null, null, new Consents(false, false));

        fixture.givenNoPriorActivity().when(bare).expectEventsMatching(capture());

        assertThat(keys.open(MEMBER, ((RegistrationRecorded) events.get(0)).personalData()))
                .hasValue(new PersonalData("李雷", "13800138000", null, null));
    }

    @Test
    void erasingOnceRecordsItAndThenTheProfileNoLongerChanges() {
        fixture.given(registered(REGISTERED_AT))
                .when(new EraseMember(MEMBER, "member request", "agent-7"))
                .expectEvents(new ErasureRecorded(MEMBER, "default", "member request", "agent-7", NOW));
        fixture.given(registered(REGISTERED_AT), new ErasureRecorded(MEMBER, "default", "member request", "agent-7", NOW))
                .when(new EraseMember(MEMBER, "again", "agent-7"))
                .expectNoEvents();
        fixture.given(registered(REGISTERED_AT), new ErasureRecorded(MEMBER, "default", "member request", "agent-7", NOW))
                .when(new UpdateProfile(MEMBER, "新名字", null, null, null, null, null))
                .expectException(MemberErasedException.class);
    }

    Matcher<List<EventMessage<?>>> capture() {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                events.clear();
                ((List<?>) actual).forEach(m -> events.add(((EventMessage<?>) m).getPayload()));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any events (captured)");
            }
        };
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
    void aProfileChangeNamesTheFieldsThatChangedAndCarriesTheWholeProfileSealed() {
        fixture.given(registered(REGISTERED_AT))
                .when(new UpdateProfile(MEMBER, null, "+8613900139000", "meimei@example.com", null, "zh-CN", "Asia/Shanghai"))
                .expectEventsMatching(capture());

        assertThat(events).singleElement().isInstanceOfSatisfying(ProfileChangeRecorded.class, e -> {
            assertThat(e.changed()).containsExactly("mobile", "locale", "timeZone");
            assertThat(e.locale()).isEqualTo("zh-CN");
            assertThat(e.timeZone()).isEqualTo("Asia/Shanghai");
            assertThat(e.changedAt()).isEqualTo(NOW);
            assertThat(keys.open(MEMBER, e.personalData())).hasValue(new PersonalData(
                    "韩梅梅", "+8613900139000", "meimei@example.com", LocalDate.of(1990, 5, 17)));
        });
    }

    @Test
    void preferredChannelsAreAChangeNamedAsSuchAndTheSameAgainChangesNothing() {
        fixture.given(registered(REGISTERED_AT))
                .when(new UpdateProfile(MEMBER, null, null, null, null, null, null, List.of(Channel.SMS, Channel.SMS)))
                .expectEventsMatching(capture());

        assertThat(events).singleElement().isInstanceOfSatisfying(ProfileChangeRecorded.class, e -> {
            assertThat(e.changed()).containsExactly("preferredChannels");
            assertThat(e.preferredChannels()).containsExactly(Channel.SMS);
        });

        fixture.given(registered(REGISTERED_AT), new ProfileChangeRecorded(MEMBER, "default", List.of("preferredChannels"),
                        keys.seal(MEMBER, new PersonalData("韩梅梅", "+8613800138000", "meimei@example.com",
                                LocalDate.of(1990, 5, 17))), null, null, REGISTERED_AT, List.of(Channel.SMS)))
                .when(new UpdateProfile(MEMBER, null, null, null, null, null, null, List.of(Channel.SMS)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
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
