package com.loyaltysuite.member.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.member.MemberTestClock;
import com.loyaltysuite.member.directory.FindMember;
import com.loyaltysuite.member.directory.MemberView;
import com.loyaltysuite.testsupport.StoredEventRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member's events as the service stored them before its events were renamed
 * ({@code profile.MemberRegistered}, {@code profile.ConsentChanged}; rows recorded from the former
 * code in {@code history/member-before-renames.json}) still rebuild the aggregate, which then
 * decides as before, and the profile projection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(MemberTestClock.class)
class MemberStoredBeforeRenamesIT {

    static final MemberId MEMBER = MemberId.of("M-recorded-1");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Test
    void aMemberStoredUnderTheFormerNamesRebuildsDecidesAndIsProjected() throws IOException {
        appendStoredRows("/history/member-before-renames.json");

        assertThat(payloadTypes()).containsExactly(
                RegistrationRecorded.class, ConsentChangeRecorded.class, ConsentChangeRecorded.class);
        // Replayed: registered with SMS consent only, then email granted and SMS withdrawn.
        assertThatThrownBy(() -> commands.sendAndWait(new RecordRegistration(
                        MEMBER, "default", "冒名顶替", "13800138000", null, null, new Consents(true, true))))
                .isInstanceOf(MemberAlreadyRegisteredException.class);
        commands.sendAndWait(new RecordConsentChange(MEMBER, Channel.SMS, false));
        commands.sendAndWait(new RecordConsentChange(MEMBER, Channel.EMAIL, false));
        assertThat(eventStore.readEvents(MEMBER.value()).asStream().toList())
                .hasSize(4)
                .last()
                .satisfies(last -> assertThat(last.getPayload()).isInstanceOfSatisfying(
                        ConsentChangeRecorded.class, change -> {
                            assertThat(change.channel()).isEqualTo(Channel.EMAIL);
                            assertThat(change.granted()).isFalse();
                        }));

        // The projection follows asynchronously: absent is "not yet", not a failure.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(profile()).hasValueSatisfying(view -> {
            assertThat(view.name()).isEqualTo("韩梅梅");
            assertThat(view.birthday()).hasToString("1990-05-17");
            assertThat(view.consents()).isEqualTo(new Consents(false, false));
        }));

        // Erasing a member registered before sealing removes the clear fields from the stored registration.
        commands.sendAndWait(new EraseMember(MEMBER, "member request", "agent-7"));
        assertThat(jdbc.queryForList(
                        "select payload from domain_event_entry where aggregate_identifier = ?", byte[].class, MEMBER.value()))
                .hasSize(5)
                .allSatisfy(payload -> assertThat(new String(payload, StandardCharsets.UTF_8))
                        .doesNotContain("韩梅梅", "13800138000", "meimei@example.com", "1990-05-17"));
        assertThat(eventStore.readEvents(MEMBER.value()).asStream().findFirst().orElseThrow().getPayload())
                .isInstanceOfSatisfying(RegistrationRecorded.class, registered -> {
                    assertThat(registered.name()).isNull();
                    assertThat(registered.consents()).isEqualTo(new Consents(true, false));
                });
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(profile()).hasValueSatisfying(view -> assertThat(view.name()).isNull()));
    }

    private List<Class<?>> payloadTypes() {
        return eventStore.readEvents(MEMBER.value()).asStream()
                .map(DomainEventMessage::getPayloadType)
                .<Class<?>>map(type -> type)
                .toList();
    }

    private Optional<MemberView> profile() {
        return queries.query(new FindMember(MEMBER), ResponseTypes.optionalInstanceOf(MemberView.class))
                .join();
    }

    /** Appends the recorded rows to the event store as they were written: type names, payloads and all. */
    private void appendStoredRows(String resource) {
        StoredEventRows.append(jdbc.getDataSource(), getClass(), resource);
    }
}
