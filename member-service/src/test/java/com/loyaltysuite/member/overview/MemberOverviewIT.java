package com.loyaltysuite.member.overview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.member.MemberTestClock;
import com.loyaltysuite.testsupport.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The member 360 view over real HTTP: points-service answers, tier-service is slow, benefit-service is
 * down ({@link OverviewStubs}). Same annotations as the module's other integration tests: one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(MemberTestClock.class)
class MemberOverviewIT {

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void answersWhatArrivedInTimeAndSaysWhyTheRestIsMissing() {
        String member = registered();
        String token = TestTokens.member(member);
        OverviewStubs.server()
                .stubFor(get("/members/" + member + "/points")
                        .willReturn(okJson("{\"memberId\":\"" + member + "\",\"available\":599,\"pending\":0}")));
        // Slower than the view's time limit (2 s in these tests): the view must not wait for it.
        OverviewStubs.server()
                .stubFor(get("/members/" + member + "/tier")
                        .willReturn(okJson("{\"tier\":\"SILVER\"}").withFixedDelay(8_000)));

        long started = System.nanoTime();
        ResponseEntity<Map> overview = overviewAs(member, token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = overview.getBody();
        assertThat(body).containsEntry("memberId", member).containsEntry("complete", false);
        assertThat((Map<String, Object>) body.get("profile")).containsEntry("name", "韩梅梅");
        Map<String, Map<String, Object>> parts = (Map<String, Map<String, Object>>) body.get("parts");
        assertThat(parts.get("points"))
                .containsEntry("available", true)
                .extractingByKey("data")
                .isEqualTo(Map.of("memberId", member, "available", 599, "pending", 0));
        assertThat(parts.get("tier")).containsEntry("available", false).containsEntry("missing", "TIMEOUT");
        assertThat(parts.get("benefits")).containsEntry("available", false).containsEntry("missing", "UNAVAILABLE");
        // No paid order yet: the member has no RFM segment.
        assertThat(parts.get("segment")).containsEntry("available", false).containsEntry("missing", "NOT_FOUND");
        assertThat((String) parts.get("benefits").get("detail")).contains("could not be reached");
        assertThat(took).isLessThan(Duration.ofMillis(6_000));
        // The member's own token went to points-service, which decides what the member may see.
        OverviewStubs.server()
                .verify(getRequestedFor(urlEqualTo("/members/" + member + "/points"))
                        .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void stopsCallingAServiceThatKeepsFailingUntilItRecovers() {
        String member = registered();
        OverviewStubs.server().stubFor(get("/members/" + member + "/points").willReturn(aResponse().withStatus(503)));
        OverviewStubs.server().stubFor(get("/members/" + member + "/tier").willReturn(okJson("{\"tier\":\"GOLD\"}")));

        // benefit-service is down for every call: after enough failures its breaker opens, and the view
        // no longer tries it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Map<String, Object>> parts =
                    (Map<String, Map<String, Object>>) overviewAs(member, TestTokens.staff()).getBody().get("parts");
            assertThat(parts.get("benefits")).containsEntry("missing", "CIRCUIT_OPEN");
        });
        Map<String, Map<String, Object>> parts =
                (Map<String, Map<String, Object>>) overviewAs(member, TestTokens.staff()).getBody().get("parts");
        assertThat(parts.get("tier")).containsEntry("available", true);
        assertThat(parts.get("points")).containsEntry("available", false);
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("resilience4j_circuitbreaker_state{application=\"member-service\",name=\"overview-benefits\",state=\"open\"} 1.0");
    }

    @Test
    void anUnknownMemberHasNoOverview() {
        ResponseEntity<Map> overview = overviewAs("M-" + UUID.randomUUID(), TestTokens.staff());

        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(overview.getBody()).containsEntry("code", "member-not-found");
    }

    private ResponseEntity<Map> overviewAs(String member, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange("/members/{id}/overview", HttpMethod.GET, new HttpEntity<>(headers), Map.class, member);
    }

    /** A newly registered member, once the profile can be read (the projection is asynchronous). */
    private String registered() {
        String member = "M-" + UUID.randomUUID();
        long mobile = 13_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String body = "{\"memberId\":\"" + member + "\",\"name\":\"韩梅梅\",\"mobile\":\"+86" + mobile + "\","
                + "\"email\":\"" + member.toLowerCase() + "@example.com\",\"birthday\":\"1990-05-17\","
                + "\"consents\":{\"sms\":true,\"email\":false}}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.postForEntity("/members", new HttpEntity<>(body, headers), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.getForEntity("/members/{id}", Map.class, member).getStatusCode() == HttpStatus.OK);
        return member;
    }
}
