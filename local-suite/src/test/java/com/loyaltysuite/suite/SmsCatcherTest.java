package com.loyaltysuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.notification.channel.OutgoingMessage;
import com.loyaltysuite.notification.channel.ProviderUnavailableException;
import com.loyaltysuite.notification.channel.SendResult;
import com.loyaltysuite.notification.channel.SmsGateway;
import com.loyaltysuite.notification.channel.SmsGatewaySettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** notification-service's SMS gateway adapter against the local run's SMS catcher, both real. */
class SmsCatcherTest {

    @Test
    void catchesEachMessageOnceShowsItsTextAndRefusesABadSignature() throws Exception {
        try (SmsCatcher catcher = SmsCatcher.start(0, "local-secret")) {
            SmsGateway gateway = gateway(catcher, "local-secret");
            OutgoingMessage message = new OutgoingMessage(
                    "8a1f0c2e-0000-5000-8000-000000000001",
                    "13800000001",
                    "transaction",
                    null,
                    "张三，您于12月5日 10:30消费199.00元，获得120积分，当前积分1120。",
                    Map.of("name", "张三", "time", "12月5日 10:30", "amount", "199.00元", "points", "120", "balance", "1120"));

            assertThat(gateway.send(message)).isInstanceOf(SendResult.Sent.class);
            assertThat(gateway.send(message)).isInstanceOf(SendResult.Sent.class); // the same id again

            assertThat(catcher.received()).isEqualTo(1);
            String page = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(catcher.baseUrl().replace("/sms", "/"))).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(page)
                    .contains("1 SMS received (and 1 repeated under an id already received, not kept)")
                    .contains("To:       13800000001")
                    .contains("Template: SMS_TRANSACTION")
                    .contains("【会员中心】张三，您于12月5日 10:30消费199.00元，获得120积分，当前积分1120。");

            assertThatThrownBy(() -> gateway(catcher, "wrong-secret").send(message))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("SignatureDoesNotMatch");
        }
    }

    private static SmsGateway gateway(SmsCatcher catcher, String secret) {
        return new SmsGateway(
                new SmsGatewaySettings(URI.create(catcher.baseUrl()), "local-key", secret, null, null,
                        Map.of("transaction", "SMS_TRANSACTION")),
                Duration.ofSeconds(5),
                Clock.systemUTC(),
                new ObjectMapper());
    }
}
