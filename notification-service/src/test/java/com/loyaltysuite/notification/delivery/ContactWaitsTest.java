package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.notification.contact.ContactView;
import com.loyaltysuite.notification.contact.FindContact;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;

/**
 * Deliveries parked for want of a contact: released by the registration ({@link ContactWaits}), or
 * skipped when the wait ends ({@link ContactWaitExpiry}).
 */
class ContactWaitsTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant PARKED_AT = Instant.parse("2026-11-23T10:00:05Z");
    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    NotificationDeliveryRepository deliveries = mock(NotificationDeliveryRepository.class);
    QueryGateway queries = mock(QueryGateway.class);
    EventGateway events = mock(EventGateway.class);
    JavaMailSender mail = mock(JavaMailSender.class);
    ContactWaitTimer waitTimer = mock(ContactWaitTimer.class);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ContactWaits waits;
    ContactWaitExpiry expiry;

    @BeforeEach
    void setUp() {
        when(deliveries.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));
        NotificationProperties properties = TierChangeEmailTemplateTest.properties();
        EmailNotifier emails = new EmailNotifier(
                deliveries, queries, events, mail, properties, Clock.fixed(NOW, ZoneOffset.UTC), meters, waitTimer);
        waits = new ContactWaits(
                deliveries,
                emails,
                List.of(
                        new TierChangeNotifier(emails, properties),
                        new TierAtRiskNotifier(emails, properties),
                        new PointsExpiringNotifier(emails, properties)),
                meters);
        expiry = new ContactWaitExpiry(deliveries, properties, Clock.fixed(NOW, ZoneOffset.UTC), meters);
    }

    @Test
    void theRegistrationSendsAWaitingEmailInPlaceOfItsRowAndCancelsItsTimer() {
        NotificationDelivery waiting = parked("N-1", "evt-tier-1", "tier-changed", TierChangeNotifierTest.silver());
        waitingRows(waiting);
        contact(new ContactView("M-1", "default", "张三", null, "zhang@example.com", false, true, false));

        waits.release(MEMBER);

        DeliveryView view = waiting.view();
        assertThat(view.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(view.notificationId()).isEqualTo("N-1");
        assertThat(view.recipient()).isEqualTo("zhang@example.com");
        assertThat(view.reason()).isNull();
        assertThat(view.at()).isEqualTo(NOW);
        assertThat(waiting.payload()).isNull();
        verify(mail).send(any(MimeMessagePreparator.class));
        verify(events).publish(
                new DeliverySent(MEMBER, "default", "N-1", Channel.EMAIL, "tier-changed", NOW, "evt-tier-1"));
        verify(waitTimer).stop(MEMBER, "N-1");
        verify(waitTimer, never()).start(any(), anyString(), any());
        assertThat(meters.counter("loyalty.notification.deliveries", "channel", "EMAIL", "template", "tier-changed", "status", "SENT")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void theMembersLockIsTakenBeforeTheWaitingDeliveriesAreRead() {
        waitingRows();

        waits.release(MEMBER);

        InOrder order = inOrder(deliveries);
        order.verify(deliveries).lockMember("M-1");
        order.verify(deliveries)
                .findByMemberIdAndStatusOrderByRecordedAtAscNotificationIdAsc("M-1", DeliveryStatus.WAITING_FOR_CONTACT);
    }

    @Test
    void aMemberWithoutConsentHasTheirWaitingEmailsSkipped() {
        NotificationDelivery tier = parked("N-1", "evt-tier-1", "tier-changed", TierChangeNotifierTest.silver());
        NotificationDelivery points = parked("N-2", "evt-points-1", "points-expiring",
                PointsExpiringEmailTemplateTest.expiring(120, Instant.parse("2027-11-23T10:00:00Z")));
        waitingRows(tier, points);
        contact(new ContactView("M-1", "default", "张三", null, "zhang@example.com", false, false, false));

        waits.release(MEMBER);

        assertThat(List.of(tier.view(), points.view())).allSatisfy(view -> {
            assertThat(view.status()).isEqualTo(DeliveryStatus.SKIPPED);
            assertThat(view.reason()).isEqualTo("member has not consented to email");
        });
        verify(mail, never()).send(any(MimeMessagePreparator.class));
        verifyNoInteractions(events);
        verify(waitTimer).stop(MEMBER, "N-1");
        verify(waitTimer).stop(MEMBER, "N-2");
    }

    @Test
    void aWarningWhoseDeadlinePassedWhileItWaitedIsSkippedAsTooLate() {
        NotificationDelivery risk = parked("N-1", "evt-risk-1", "tier-at-risk",
                TierAtRiskEmailTemplateTest.risk("SILVER", NOW.minusSeconds(60), "320.00", "500", "180.00", "CNY"));
        waitingRows(risk);

        waits.release(MEMBER);

        assertThat(risk.view().status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(risk.view().reason()).isEqualTo("too late to act on: ended at " + NOW.minusSeconds(60));
        verifyNoInteractions(queries, mail, events);
        verify(waitTimer).stop(MEMBER, "N-1");
    }

    @Test
    void aDeliveryStillWithoutContactKeepsWaiting() {
        NotificationDelivery waiting = parked("N-1", "evt-tier-1", "tier-changed", TierChangeNotifierTest.silver());
        waitingRows(waiting);
        contact(null);

        waits.release(MEMBER);

        assertThat(waiting.view().status()).isEqualTo(DeliveryStatus.WAITING_FOR_CONTACT);
        assertThat(waiting.payload()).isNotNull();
        verifyNoInteractions(waitTimer, mail, events);
    }

    @Test
    void aWaitingDeliveryOfATemplateNoLongerSentIsSkippedNotStuck() {
        NotificationDelivery waiting = parked("N-1", "evt-1", "birthday", TierChangeNotifierTest.silver());
        waitingRows(waiting);

        waits.release(MEMBER);

        assertThat(waiting.view().status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(waiting.view().reason()).isEqualTo("template birthday is no longer sent");
        verify(waitTimer).stop(MEMBER, "N-1");
    }

    @Test
    void theEndOfTheWaitSkipsADeliveryStillWaitingAndPublishesNothing() {
        NotificationDelivery waiting = parked("N-1", "evt-tier-1", "tier-changed", TierChangeNotifierTest.silver());
        when(deliveries.findById("N-1")).thenReturn(Optional.of(waiting));

        expiry.expire(MEMBER, "N-1");

        assertThat(waiting.view().status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(waiting.view().reason()).isEqualTo("no contact known within P7D");
        assertThat(waiting.view().at()).isEqualTo(NOW);
        assertThat(waiting.payload()).isNull();
        verify(deliveries).lockMember("M-1");
        verify(deliveries).saveAndFlush(waiting);
        verifyNoInteractions(events, mail, queries, waitTimer);
        assertThat(meters.counter("loyalty.notification.deliveries", "channel", "EMAIL", "template", "tier-changed", "status", "SKIPPED")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void theEndOfTheWaitLeavesADeliveryDecidedMeanwhileAlone() {
        NotificationDelivery decided = parked("N-1", "evt-tier-1", "tier-changed", TierChangeNotifierTest.silver());
        decided.decided(DeliveryStatus.SENT, null, "zhang@example.com", PARKED_AT.plusSeconds(60));
        when(deliveries.findById("N-1")).thenReturn(Optional.of(decided));

        expiry.expire(MEMBER, "N-1");
        when(deliveries.findById("N-1")).thenReturn(Optional.empty());
        expiry.expire(MEMBER, "N-1");

        assertThat(decided.view().status()).isEqualTo(DeliveryStatus.SENT);
        verify(deliveries, never()).saveAndFlush(any());
    }

    @Test
    void theWaitingGaugeCountsTheWaitingRows() {
        when(deliveries.countByStatus(DeliveryStatus.WAITING_FOR_CONTACT)).thenReturn(3L);

        assertThat(meters.get("loyalty.notification.deliveries.waiting").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void theWaitIsWrittenAsConfigured() {
        assertThat(TierChangeEmailTemplateTest.properties().contactWaitText()).isEqualTo("P7D");
        assertThat(new NotificationProperties(null, Map.of(), ZoneId.of("UTC"), Duration.ofHours(36)).contactWaitText())
                .isEqualTo("PT36H");
    }

    private static NotificationDelivery parked(
            String notificationId, String causationId, String template, IntegrationEvent event) {
        return NotificationDelivery.waiting(
                notificationId,
                MEMBER.value(),
                "default",
                Channel.EMAIL,
                template,
                causationId,
                "no contact details known yet",
                new String(CloudEventCodec.toJson(event), StandardCharsets.UTF_8),
                PARKED_AT);
    }

    private void waitingRows(NotificationDelivery... rows) {
        when(deliveries.findByMemberIdAndStatusOrderByRecordedAtAscNotificationIdAsc(
                        "M-1", DeliveryStatus.WAITING_FOR_CONTACT))
                .thenReturn(List.of(rows));
    }

    private void contact(ContactView contact) {
        when(queries.query(eq(new FindContact(MEMBER)), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.ofNullable(contact)));
    }
}
