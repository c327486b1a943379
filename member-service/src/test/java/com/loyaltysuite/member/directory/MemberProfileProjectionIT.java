package com.loyaltysuite.member.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.member.MemberTestClock;
import com.loyaltysuite.member.profile.ConsentChangeRecorded;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import com.loyaltysuite.testsupport.ProjectionFeed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The member-profile projection fed member events directly, in batches as its processor hands them
 * over (one unit of work and transaction each), including a batch handed over again. These events
 * are not in the store, so their rows go afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(MemberTestClock.class)
class MemberProfileProjectionIT {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    QueryGateway queries;

    final List<String> members = new ArrayList<>();

    @AfterEach
    void removeRowsNoStoredEventExplains() {
        members.forEach(member -> jdbc.update("delete from member_profile where member_id = ?", member));
    }

    @Test
    void aRegistrationAndItsConsentChangesInOneBatchMakeOneProfile() {
        String member = newMember();
        String other = newMember();

        feed(registered(member, 0), consent(member, 1, Channel.EMAIL, true), registered(other, 0),
                consent(member, 2, Channel.SMS, false));

        assertThat(row(member)).isEqualTo("韩梅梅 sms=false email=true registered=" + AT + " updated=" + AT.plusSeconds(2));
        assertThat(row(other)).isEqualTo("韩梅梅 sms=true email=false registered=" + AT + " updated=" + AT);
        assertThat(profile(member)).hasValue(new MemberView(MemberId.of(member), "default", "韩梅梅", "+8613800138000",
                "meimei@example.com", LocalDate.of(1990, 5, 17), null, null, new Consents(false, true), MemberStatus.ACTIVE, AT));
    }

    @Test
    void aBatchHandedOverAgainLeavesTheProfileAsItWas() {
        String member = newMember();
        var batch = new EventMessage<?>[] {registered(member, 0), consent(member, 1, Channel.EMAIL, true)};
        feed(batch);
        String once = row(member);

        feed(batch);

        assertThat(row(member)).isEqualTo(once).contains("email=true");
        assertThat(jdbc.queryForObject("select count(*) from member_profile where member_id = ?", Long.class, member))
                .isOne();
    }

    @Test
    void aConsentChangeOfAMemberNeverRegisteredMakesNoProfile() {
        String member = newMember();

        feed(consent(member, 0, Channel.SMS, true));

        assertThat(profile(member)).isEmpty();
    }

    private String newMember() {
        String member = "M-" + UUID.randomUUID();
        members.add(member);
        return member;
    }

    /** Hands the events to the processor's handlers as one batch: one unit of work, one transaction. */
    private void feed(EventMessage<?>... events) {
        ProjectionFeed.feed(processing, transactions, MemberProfileProjection.PROCESSING_GROUP, events);
    }

    private String row(String member) {
        return jdbc.queryForObject(
                "select * from member_profile where member_id = ?",
                (row, i) -> row.getString("name") + " sms=" + row.getBoolean("sms_consent") + " email="
                        + row.getBoolean("email_consent") + " registered="
                        + row.getTimestamp("registered_at").toInstant() + " updated="
                        + row.getTimestamp("updated_at").toInstant(),
                member);
    }

    private Optional<MemberView> profile(String member) {
        return queries.query(new FindMember(MemberId.of(member)), ResponseTypes.optionalInstanceOf(MemberView.class))
                .join();
    }

    private static DomainEventMessage<RegistrationRecorded> registered(String member, long sequence) {
        return event(member, sequence, new RegistrationRecorded(MemberId.of(member), "default", "韩梅梅",
                "+8613800138000", "meimei@example.com", LocalDate.of(1990, 5, 17), new Consents(true, false), AT));
    }

    private static DomainEventMessage<ConsentChangeRecorded> consent(
            String member, long sequence, Channel channel, boolean granted) {
        return event(member, sequence, new ConsentChangeRecorded(
                MemberId.of(member), "default", channel, granted, AT.plusSeconds(sequence)));
    }

    private static <T> DomainEventMessage<T> event(String member, long sequence, T payload) {
        return new GenericDomainEventMessage<>("Member", member, sequence, payload);
    }
}
