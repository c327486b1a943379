package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.notification.contact.ContactView;
import com.loyaltysuite.notification.contact.FindContact;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;

class TierChangeNotifierTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:05Z");
    static final String CAUSE = "evt-tier-1";

    NotificationDeliveryRepository deliveries = mock(NotificationDeliveryRepository.class);
    QueryGateway queries = mock(QueryGateway.class);
    EventGateway events = mock(EventGateway.class);
    JavaMailSender mail = mock(JavaMailSender.class);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ContactWaitTimer waitTimer = mock(ContactWaitTimer.class);
    TierChangeNotifier notifier;

    @BeforeEach
    void setUp() {
        when(deliveries.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));
        NotificationProperties properties = TierChangeEmailTemplateTest.properties();
        notifier = new TierChangeNotifier(
                new EmailNotifier(
                        deliveries, queries, events, mail, properties, Clock.fixed(NOW, ZoneOffset.UTC), meters, waitTimer),
                properties);
    }

    @Test
    void emailsAConsentingMemberRecordsTheDeliveryAndPublishesDeliverySent() throws Exception {
        knownContact(new ContactView("M-1", "default", "张三", null, "zhang@example.com", false, true, false));

        assertThat(notifier.notify(silver(), CAUSE)).contains(DeliveryStatus.SENT);

        MimeMessage sent = sentMessage();
        assertThat(sent.getSubject()).isEqualTo("恭喜您升级为银牌会员");
        assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("zhang@example.com");
        assertThat(sent.getFrom()[0].toString()).isEqualTo("loyalty@shop.example");
        DeliveryView recorded = recordedDelivery();
        assertThat(recorded.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(recorded.recipient()).isEqualTo("zhang@example.com");
        assertThat(recorded.causationId()).isEqualTo(CAUSE);
        assertThat(sent.getHeader("X-Loyalty-Notification-Id")[0]).isEqualTo(recorded.notificationId());
        verify(events).publish(new DeliverySent(
                MEMBER, "default", recorded.notificationId(), Channel.EMAIL, "tier-changed", NOW, CAUSE));
        assertThat(meters.counter("loyalty.notification.deliveries", "channel", "EMAIL", "template", "tier-changed", "status", "SENT")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void skipsAMemberWhoDidNotConsentToEmail() {
        knownContact(new ContactView("M-1", "default", "张三", null, "zhang@example.com", true, false, false));

        assertThat(notifier.notify(silver(), CAUSE)).contains(DeliveryStatus.SKIPPED);

        verify(mail, never()).send(any(MimeMessagePreparator.class));
        verifyNoInteractions(events);
        DeliveryView recorded = recordedDelivery();
        assertThat(recorded.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(recorded.reason()).isEqualTo("member has not consented to email");
        assertThat(recorded.recipient()).isNull();
    }

    @Test
    void skipsAMemberWithoutAnEmailAddress() {
        knownContact(new ContactView("M-1", "default", "张三", "13800000000", null, true, true, false));

        assertThat(notifier.notify(silver(), CAUSE)).contains(DeliveryStatus.SKIPPED);

        verify(mail, never()).send(any(MimeMessagePreparator.class));
        assertThat(recordedDelivery().reason()).isEqualTo("member has no email address");
    }

    @Test
    void skipsAnErasedMember() {
        knownContact(new ContactView("M-1", "default", null, null, null, false, false, true));

        assertThat(notifier.notify(silver(), CAUSE)).contains(DeliveryStatus.SKIPPED);

        assertThat(recordedDelivery().reason()).isEqualTo("member was erased");
    }

    @Test
    void anUnknownContactParksTheDeliveryWithTheEventAndAnExpiryTimerInsteadOfThrowing() {
        knownContact(null);

        assertThat(notifier.notify(silver(), CAUSE)).contains(DeliveryStatus.WAITING_FOR_CONTACT);

        ArgumentCaptor<NotificationDelivery> saved = ArgumentCaptor.forClass(NotificationDelivery.class);
        verify(deliveries).saveAndFlush(saved.capture());
        NotificationDelivery parked = saved.getValue();
        DeliveryView view = parked.view();
        assertThat(view.status()).isEqualTo(DeliveryStatus.WAITING_FOR_CONTACT);
        assertThat(view.template()).isEqualTo("tier-changed");
        assertThat(view.causationId()).isEqualTo(CAUSE);
        assertThat(view.recipient()).isNull();
        assertThat(view.reason()).isEqualTo("no contact details known yet; waiting for them until 2026-11-30T10:00:05Z");
        assertThat(CloudEventCodec.parseData(EventType.TIER_CHANGED, parked.payload().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(silver());
        verify(deliveries).lockMember("M-1");
        verify(waitTimer).start(MEMBER, view.notificationId(), NOW.plus(Duration.ofDays(7)));
        verify(mail, never()).send(any(MimeMessagePreparator.class));
        verifyNoInteractions(events);
        assertThat(meters.find("loyalty.notification.deliveries").counters()).isEmpty();
    }

    @Test
    void anEventAlreadyDeliveredIsNotMailedAgain() {
        when(deliveries.existsByCausationIdAndChannelAndTemplate(CAUSE, Channel.EMAIL, "tier-changed"))
                .thenReturn(true);

        assertThat(notifier.notify(silver(), CAUSE)).isEmpty();

        verify(mail, never()).send(any(MimeMessagePreparator.class));
        verify(deliveries, never()).saveAndFlush(any());
    }

    @Test
    void aRefusedMessageIsRecordedAsFailedAndPublished() {
        knownContact(new ContactView("M-1", "default", "张三", null, "nobody@example.com", false, true, false));
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        doThrow(new MailSendException(Map.of(message, new SendFailedException("550 Invalid Addresses"))))
                .when(mail)
                .send(any(MimeMessagePreparator.class));

        assertThat(notifier.notify(silver(), CAUSE)).contains(DeliveryStatus.FAILED);

        DeliveryView recorded = recordedDelivery();
        assertThat(recorded.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(recorded.reason()).startsWith("SMTP server refused the message").contains("550 Invalid Addresses");
        ArgumentCaptor<DeliveryFailed> failed = ArgumentCaptor.forClass(DeliveryFailed.class);
        verify(events).publish(failed.capture());
        assertThat(failed.getValue().notificationId()).isEqualTo(recorded.notificationId());
        assertThat(failed.getValue().reason()).isEqualTo(recorded.reason());
        assertThat(failed.getValue().causationId()).isEqualTo(CAUSE);
    }

    @Test
    void anUnreachableServerIsRetriedNotFailed() {
        knownContact(new ContactView("M-1", "default", "张三", null, "zhang@example.com", false, true, false));
        doThrow(new MailSendException(
                        "Mail server connection failed",
                        new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"))))
                .when(mail)
                .send(any(MimeMessagePreparator.class));

        assertThatThrownBy(() -> notifier.notify(silver(), CAUSE)).isInstanceOf(MailServerUnavailableException.class);

        verifyNoInteractions(events);
    }

    @Test
    void tellsServerFailuresFromRefusedMessages() {
        assertThat(EmailNotifier.isServerUnavailable(new MailAuthenticationException("535 bad credentials")))
                .isTrue();
        assertThat(EmailNotifier.isServerUnavailable(new MailSendException(
                        Map.of(new Object(), new MessagingException("[EOF]", new java.net.SocketTimeoutException())))))
                .isTrue();
        assertThat(EmailNotifier.isServerUnavailable(
                        new MailSendException(Map.of(new Object(), new SendFailedException("554 rejected")))))
                .isFalse();
    }

    private void knownContact(ContactView contact) {
        when(queries.query(eq(new FindContact(MEMBER)), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.ofNullable(contact)));
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

    static TierChanged silver() {
        return new TierChanged(
                MEMBER,
                "default",
                "MEMBER",
                "SILVER",
                TierChangeReason.QUALIFIED,
                new QualifyingValue(new BigDecimal("599.00"), "CNY"),
                "ladder-v1",
                Instant.parse("2026-11-23T10:00:00Z"),
                Instant.parse("2027-11-23T10:00:00Z"),
                List.of("evt-order-1"));
    }
}
