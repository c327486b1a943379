package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.notification.contact.ContactView;
import com.loyaltysuite.notification.contact.FindContact;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;

/** The warnings go through the same delivery rules as the tier-change email, under their own template. */
class WarningNotifiersTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant NOW = Instant.parse("2027-10-24T10:00:05Z");
    static final String CAUSE = "evt-warning-1";

    NotificationDeliveryRepository deliveries = mock(NotificationDeliveryRepository.class);
    QueryGateway queries = mock(QueryGateway.class);
    EventGateway events = mock(EventGateway.class);
    JavaMailSender mail = mock(JavaMailSender.class);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ContactWaitTimer waitTimer = mock(ContactWaitTimer.class);
    TierAtRiskNotifier tierAtRisk;
    PointsExpiringNotifier pointsExpiring;

    @BeforeEach
    void setUp() {
        when(deliveries.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));
        NotificationProperties properties = TierChangeEmailTemplateTest.properties();
        EmailNotifier emails =
                new EmailNotifier(deliveries, queries, events, mail, properties, Clock.fixed(NOW, ZoneOffset.UTC), meters, waitTimer);
        tierAtRisk = new TierAtRiskNotifier(emails, properties);
        pointsExpiring = new PointsExpiringNotifier(emails, properties);
    }

    @Test
    void aTierAtRiskIsMailedRecordedAndPublishedUnderItsTemplate() throws Exception {
        consentingContact();

        assertThat(tierAtRisk.notify(
                        TierAtRiskEmailTemplateTest.risk(
                                "SILVER", Instant.parse("2027-11-23T10:00:00Z"), "320.00", "500", "180.00", "CNY"),
                        CAUSE))
                .contains(DeliveryStatus.SENT);

        assertThat(sentMessage().getSubject()).isEqualTo("您的银牌会员资格即将到期");
        DeliveryView recorded = recordedDelivery();
        assertThat(recorded.template()).isEqualTo("tier-at-risk");
        verify(events).publish(new DeliverySent(
                MEMBER, "default", recorded.notificationId(), Channel.EMAIL, "tier-at-risk", NOW, CAUSE));
        assertThat(meters.counter("loyalty.notification.deliveries", "channel", "EMAIL", "template", "tier-at-risk", "status", "SENT")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void pointsExpiringAreMailedRecordedAndPublishedUnderTheirTemplate() throws Exception {
        consentingContact();

        assertThat(pointsExpiring.notify(
                        PointsExpiringEmailTemplateTest.expiring(120, Instant.parse("2027-11-23T10:00:00Z")), CAUSE))
                .contains(DeliveryStatus.SENT);

        assertThat(sentMessage().getSubject()).isEqualTo("您有 120 积分即将过期");
        DeliveryView recorded = recordedDelivery();
        assertThat(recorded.template()).isEqualTo("points-expiring");
        verify(events).publish(new DeliverySent(
                MEMBER, "default", recorded.notificationId(), Channel.EMAIL, "points-expiring", NOW, CAUSE));
    }

    @Test
    void aWarningToAMemberWithoutConsentIsSkipped() {
        when(queries.query(eq(new FindContact(MEMBER)), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(
                        new ContactView("M-1", "default", "张三", null, "zhang@example.com", false, false, false))));

        assertThat(pointsExpiring.notify(
                        PointsExpiringEmailTemplateTest.expiring(120, Instant.parse("2027-11-23T10:00:00Z")), CAUSE))
                .contains(DeliveryStatus.SKIPPED);

        verify(mail, never()).send(any(MimeMessagePreparator.class));
        verifyNoInteractions(events);
        assertThat(recordedDelivery().reason()).isEqualTo("member has not consented to email");
    }

    @Test
    void aWarningAlreadyDeliveredUnderItsTemplateIsNotMailedAgain() {
        when(deliveries.existsByCausationIdAndChannelAndTemplate(CAUSE, Channel.EMAIL, "points-expiring"))
                .thenReturn(true);

        assertThat(pointsExpiring.notify(
                        PointsExpiringEmailTemplateTest.expiring(120, Instant.parse("2027-11-23T10:00:00Z")), CAUSE))
                .isEmpty();

        verify(mail, never()).send(any(MimeMessagePreparator.class));
        verify(deliveries, never()).saveAndFlush(any());
    }

    @Test
    void aWarningConsumedAfterItsEndIsSkippedWithoutLookingForTheContact() {
        assertThat(pointsExpiring.notify(
                        PointsExpiringEmailTemplateTest.expiring(120, Instant.parse("2027-10-01T00:00:00Z")), CAUSE))
                .contains(DeliveryStatus.SKIPPED);
        assertThat(tierAtRisk.notify(
                        TierAtRiskEmailTemplateTest.risk("SILVER", NOW, "320.00", "500", "180.00", "CNY"), "evt-2"))
                .contains(DeliveryStatus.SKIPPED);

        verifyNoInteractions(queries, mail, events);
        ArgumentCaptor<NotificationDelivery> saved = ArgumentCaptor.forClass(NotificationDelivery.class);
        verify(deliveries, times(2)).saveAndFlush(saved.capture());
        assertThat(saved.getAllValues())
                .extracting(delivery -> delivery.view().reason())
                .containsExactly(
                        "too late to act on: ended at 2027-10-01T00:00:00Z",
                        "too late to act on: ended at " + NOW);
    }

    private void consentingContact() {
        when(queries.query(eq(new FindContact(MEMBER)), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(
                        new ContactView("M-1", "default", "张三", null, "zhang@example.com", false, true, false))));
    }

    private MimeMessage sentMessage() throws Exception {
        ArgumentCaptor<MimeMessagePreparator> preparator = ArgumentCaptor.forClass(MimeMessagePreparator.class);
        verify(mail).send(preparator.capture());
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        preparator.getValue().prepare(message);
        return message;
    }

    private DeliveryView recordedDelivery() {
        ArgumentCaptor<NotificationDelivery> saved = ArgumentCaptor.forClass(NotificationDelivery.class);
        verify(deliveries).saveAndFlush(saved.capture());
        return saved.getValue().view();
    }
}
