package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log on the service's PostgreSQL schema: what support reads (newest first), what erasure
 * forgets, and the unique row that keeps one event from mailing a template twice.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DeliveryLogIT {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    NotificationDeliveryRepository deliveries;

    @Autowired
    JdbcTemplate jdbc;

    final List<String> members = new ArrayList<>();

    @AfterEach
    void removeRows() {
        members.forEach(member -> jdbc.update("delete from notification_delivery where member_id = ?", member));
    }

    @Test
    void aMembersLogIsNewestFirstAndHoldsOnlyTheirDeliveries() {
        String member = newMember();
        String other = newMember();
        record("N-a-" + member, member, "evt-1", DeliveryStatus.SENT, "zhang@example.com", T0);
        record("N-c-" + member, member, "evt-2", DeliveryStatus.SKIPPED, null, T0.plusSeconds(60));
        record("N-b-" + member, member, "evt-3", DeliveryStatus.FAILED, "zhang@example.com", T0.plusSeconds(60));
        record("N-x-" + other, other, "evt-4", DeliveryStatus.SENT, "li@example.com", T0.plusSeconds(120));

        List<DeliveryView> log = new DeliveryLog(deliveries).handle(new FindDeliveries(MemberId.of(member)));

        assertThat(log).extracting(DeliveryView::notificationId)
                .containsExactly("N-c-" + member, "N-b-" + member, "N-a-" + member);
        assertThat(log.get(2).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(log.get(2).recipient()).isEqualTo("zhang@example.com");
    }

    @Test
    void erasureForgetsTheMembersRecipientsAndKeepsWhatWasDone() {
        String member = newMember();
        String other = newMember();
        record("N-1-" + member, member, "evt-1", DeliveryStatus.SENT, "zhang@example.com", T0);
        record("N-2-" + other, other, "evt-2", DeliveryStatus.SENT, "li@example.com", T0);
        DeliveryLog log = new DeliveryLog(deliveries);

        log.forgetRecipients(MemberId.of(member));

        assertThat(log.handle(new FindDeliveries(MemberId.of(member)))).singleElement().satisfies(view -> {
            assertThat(view.recipient()).isNull();
            assertThat(view.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(view.at()).isEqualTo(T0);
        });
        assertThat(log.handle(new FindDeliveries(MemberId.of(other))))
                .extracting(DeliveryView::recipient)
                .containsExactly("li@example.com");
    }

    @Test
    void oneEventHasOneDeliveryPerChannelAndTemplate() {
        String member = newMember();
        record("N-1-" + member, member, "evt-1", DeliveryStatus.SENT, "zhang@example.com", T0);

        assertThatThrownBy(() -> record("N-2-" + member, member, "evt-1", DeliveryStatus.SENT, "zhang@example.com", T0))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(deliveries.existsByCausationIdAndChannelAndTemplate("evt-1@" + member, Channel.EMAIL, "tier-changed"))
                .isTrue();
        assertThat(deliveries.existsByCausationIdAndChannelAndTemplate("evt-1@" + member, Channel.EMAIL, "tier-at-risk"))
                .isFalse();
    }

    private String newMember() {
        String member = "M-" + UUID.randomUUID();
        members.add(member);
        return member;
    }

    /** A delivery of template tier-changed about event {@code cause} of the member. */
    private void record(
            String notificationId, String member, String cause, DeliveryStatus status, String recipient, Instant at) {
        deliveries.saveAndFlush(new NotificationDelivery(
                notificationId, member, "default", Channel.EMAIL, "tier-changed", cause + "@" + member, status, null,
                recipient, at));
    }
}
