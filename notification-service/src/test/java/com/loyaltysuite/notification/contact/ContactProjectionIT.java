package com.loyaltysuite.notification.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.ConsentPurpose;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.support.crypto.MemberKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contact projection on the service's PostgreSQL schema, each member event applied in a transaction
 * of its own as the consumer applies it, and read back from the table.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ContactProjectionIT {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @Autowired
    MemberContactRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    final List<String> members = new ArrayList<>();
    ContactProjection projection;
    MemberId member;

    @BeforeEach
    void setUp() {
        projection = new ContactProjection(
                repository, new MemberKeys(jdbc, Clock.systemUTC()), Clock.systemUTC(), Duration.ofMinutes(10));
        member = MemberId.of("M-" + UUID.randomUUID());
        members.add(member.value());
    }

    @AfterEach
    void removeRows() {
        members.forEach(id -> jdbc.update("delete from member_contact where member_id = ?", id));
    }

    @Test
    void aRegistrationRecordsContactDetailsAndConsents() {
        apply(registered());

        assertThat(contact()).contains(new ContactView(member.value(), "default", "张三", "13800000000",
                "zhang@example.com", false, true, false, true, true, null, List.of(), java.time.MonthDay.of(5, 20)));
        assertThat(jdbc.queryForObject(
                        "select updated_at from member_contact where member_id = ?", java.sql.Timestamp.class, member.value())
                .toInstant())
                .isEqualTo(T0);
    }

    @Test
    void aProfileUpdateReplacesTheDetailsAndKeepsTheConsents() {
        apply(registered());
        apply(new MemberProfileUpdated(member, "default", "张三丰", null, "feng@example.com", null, T0.plusSeconds(60)));

        assertThat(contact()).hasValueSatisfying(view -> {
            assertThat(view.name()).isEqualTo("张三丰");
            assertThat(view.mobile()).isNull();
            assertThat(view.email()).isEqualTo("feng@example.com");
            assertThat(view.emailConsent()).isTrue();
        });
    }

    @Test
    void aProfileUpdateCarriesTheMembersZoneAndPreferredChannelsAndErasureDropsThemWithTheBirthday() {
        apply(registered());
        apply(new MemberProfileUpdated(member, "default", "张三", "13800000000", "zhang@example.com",
                LocalDate.of(1990, 6, 1), T0.plusSeconds(60), "en", "Europe/London", List.of("timeZone", "birthday"),
                null, List.of(Channel.EMAIL)));

        assertThat(contact()).hasValueSatisfying(view -> {
            assertThat(view.timeZone()).isEqualTo("Europe/London");
            assertThat(view.preferredChannels()).containsExactly(Channel.EMAIL);
            assertThat(view.birthday()).isEqualTo(java.time.MonthDay.of(6, 1));
        });

        apply(new MemberErased(member, "default", "member request", T0.plusSeconds(120)));

        assertThat(contact()).hasValueSatisfying(view -> {
            assertThat(view.timeZone()).isNull();
            assertThat(view.preferredChannels()).isEmpty();
            assertThat(view.birthday()).isNull();
        });
    }

    @Test
    void aConsentChangeTouchesOneChannel() {
        apply(registered());
        apply(new ConsentChanged(member, "default", Channel.EMAIL, false, T0.plusSeconds(60)));
        apply(new ConsentChanged(member, "default", Channel.SMS, true, T0.plusSeconds(120)));

        assertThat(contact()).hasValueSatisfying(view -> {
            assertThat(view.emailConsent()).isFalse();
            assertThat(view.smsConsent()).isTrue();
            assertThat(view.email()).isEqualTo("zhang@example.com");
        });
    }

    @Test
    void aTransactionalConsentChangeLeavesTheMarketingConsentsTheEmailsGoOut() {
        apply(registered());
        apply(new ConsentChanged(member, "default", Channel.EMAIL, false, T0.plusSeconds(60), ConsentPurpose.TRANSACTIONAL, "member"));

        assertThat(contact()).hasValueSatisfying(view -> assertThat(view.emailConsent()).isTrue());

        apply(new ConsentChanged(member, "default", Channel.EMAIL, false, T0.plusSeconds(120), ConsentPurpose.MARKETING, "member"));

        assertThat(contact()).hasValueSatisfying(view -> assertThat(view.emailConsent()).isFalse());
    }

    @Test
    void anEventAppliedAgainChangesNothing() {
        apply(registered());
        ConsentChanged withdrawn = new ConsentChanged(member, "default", Channel.EMAIL, false, T0.plusSeconds(60));
        apply(withdrawn);
        Optional<ContactView> once = contact();

        apply(withdrawn);

        assertThat(contact()).isEqualTo(once);
        assertThat(jdbc.queryForObject("select count(*) from member_contact where member_id = ?", Long.class, member.value()))
                .isOne();
    }

    @Test
    void erasureDropsThePersonalDataForGood() {
        apply(registered());
        apply(new MemberErased(member, "default", "member request", T0.plusSeconds(60)));
        apply(new MemberProfileUpdated(member, "default", "张三", null, "zhang@example.com", null, T0.plusSeconds(120)));
        apply(new ConsentChanged(member, "default", Channel.EMAIL, true, T0.plusSeconds(180)));
        apply(registered());

        assertThat(contact()).contains(new ContactView(member.value(), "default", null, null, null, false, false, true));
        assertThat(jdbc.queryForObject(
                        "select erased_at from member_contact where member_id = ?", java.sql.Timestamp.class, member.value())
                .toInstant())
                .isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aConsentForAMemberNotYetSeenStartsAContactWithoutDetails() {
        apply(new ConsentChanged(member, "default", Channel.SMS, true, T0));

        assertThat(contact()).contains(new ContactView(member.value(), "default", null, null, null, true, false, false));
    }

    @Test
    void anUnknownMemberHasNoContact() {
        assertThat(contact()).isEmpty();
    }

    private void apply(MemberRegistered event) {
        inTransaction(() -> projection.on(event));
    }

    private void apply(MemberProfileUpdated event) {
        inTransaction(() -> projection.on(event));
    }

    private void apply(ConsentChanged event) {
        inTransaction(() -> projection.on(event));
    }

    private void apply(MemberErased event) {
        inTransaction(() -> projection.on(event));
    }

    /** One event in one transaction, as the inbound listener applies it. */
    private void inTransaction(Runnable change) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> change.run());
    }

    private Optional<ContactView> contact() {
        return projection.handle(new FindContact(member));
    }

    private MemberRegistered registered() {
        return new MemberRegistered(
                member,
                "default",
                "张三",
                "13800000000",
                "zhang@example.com",
                LocalDate.of(1990, 5, 20),
                new Consents(false, true),
                T0);
    }
}
