package com.loyaltysuite.member.overview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.member.MemberTestClock;
import com.loyaltysuite.testsupport.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.queryhandling.QueryGateway;
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

    @Autowired
    QueryGateway queries;

    @Autowired
    ObjectMapper json;

    @Test
    @SuppressWarnings("unchecked")
    void answersWhatArrivedInTimeAndSaysWhyTheRestIsMissing() {
        String member = registered();
        String token = TestTokens.member(member);
        OverviewStubs.server()
                .stubFor(get("/members/" + member + "/points")
                        .willReturn(okJson("{\"memberId\":\"" + member + "\",\"available\":599,\"pending\":0}")));
        // Far slower than the view's time limit (2 s in these tests): the view must not wait for it. The
        // margin between the limit and the bound below is for a loaded build machine.
        OverviewStubs.server()
                .stubFor(get("/members/" + member + "/tier")
                        .willReturn(okJson("{\"tier\":\"SILVER\"}").withFixedDelay(20_000)));

        long started = System.nanoTime();
        ResponseEntity<Map> overview = overviewAs(member, token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = overview.getBody();
        assertThat(body).containsEntry("memberId", member).containsEntry("complete", false);
        assertThat((Map<String, Object>) body.get("profile"))
                .containsEntry("name", "韩梅梅")
                .containsEntry("status", "ACTIVE");
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
        assertThat(took).isLessThan(Duration.ofMillis(15_000));
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

    /** The member's status is the profile's, kept here: a frozen member's view says so. */
    @Test
    @SuppressWarnings("unchecked")
    void theViewShowsTheMembersStatus() {
        String member = registered();
        HttpHeaders staff = TestTokens.staffHeaders("agent-360");
        staff.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/members/{id}/status", HttpMethod.PUT,
                                new HttpEntity<>("{\"status\":\"FROZEN\",\"reason\":\"chargeback\"}", staff),
                                Map.class, member)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        (Map<String, Object>) overviewAs(member, TestTokens.staff()).getBody().get("profile"))
                .containsEntry("status", "FROZEN"));
    }

    /**
     * Each stub holds its answer until all three services have been asked, so all three parts arriving
     * proves the calls were in flight together: asked one after another, the first would wait for the
     * others until its stub gave up (503, missing). No bound on how long anything takes.
     */
    @Test
    void asksTheOtherServicesAllAtOnce() throws Exception {
        String member = registered();
        CountDownLatch allThreeAsked = new CountDownLatch(3);
        try (HeldParts services = new HeldParts(part -> {
                    allThreeAsked.countDown();
                    return allThreeAsked.await(30, TimeUnit.SECONDS)
                            ? new HeldParts.Reply(200, "{\"part\":\"" + part + "\"}")
                            : new HeldParts.Reply(503, "{}");
                });
                Overviews overviews = overviews(heldSources(services, "points", "tier", "benefits"), 8)) {
            MemberOverview view = overviews.of(member);

            assertThat(view.profile().status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(view.parts()).containsOnlyKeys("segment", "points", "tier", "benefits");
            for (String part : List.of("points", "tier", "benefits")) {
                assertThat(view.parts().get(part).available()).as(part).isTrue();
                assertThat(view.parts().get(part).data().get("part").asText()).isEqualTo(part);
            }
            assertThat(view.parts().get("segment").missing()).isEqualTo(OverviewPart.Missing.NOT_FOUND);
            assertThat(view.complete()).isFalse();
        }
    }

    /** Two views at once call one service twice at once: neither call waits in line behind the other. */
    @Test
    void twoViewsAtOnceCallOneServiceTogether() throws Exception {
        String member = registered();
        CountDownLatch bothAsked = new CountDownLatch(2);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (HeldParts points = new HeldParts(part -> {
                    bothAsked.countDown();
                    return bothAsked.await(30, TimeUnit.SECONDS)
                            ? new HeldParts.Reply(200, "{\"available\":5}")
                            : new HeldParts.Reply(503, "{}");
                });
                Overviews overviews = overviews(heldSources(points, "points"), 2)) {
            var first = CompletableFuture.supplyAsync(() -> overviews.of(member), callers);
            var second = CompletableFuture.supplyAsync(() -> overviews.of(member), callers);

            assertThat(List.of(first.join(), second.join()))
                    .allSatisfy(view -> assertThat(view.parts().get("points").available()).isTrue());
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * A bulkhead of one call: while one view's call to points-service is held at the service, another
     * view is refused that part at once (BUSY) and gets the rest; the held call then answers.
     */
    @Test
    void aFullBulkheadMarksThePartBusy() throws Exception {
        String member = registered();
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newSingleThreadExecutor();
        try (HeldParts points = new HeldParts(part -> {
                    firstArrived.countDown();
                    return release.await(60, TimeUnit.SECONDS)
                            ? new HeldParts.Reply(200, "{\"available\":5}")
                            : new HeldParts.Reply(503, "{}");
                });
                Overviews overviews = overviews(heldSources(points, "points"), 1)) {
            var held = CompletableFuture.supplyAsync(() -> overviews.of(member), callers);
            assertThat(firstArrived.await(30, TimeUnit.SECONDS)).isTrue();

            MemberOverview refused = overviews.of(member);

            assertThat(refused.complete()).isFalse();
            assertThat(refused.profile().status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(refused.parts().get("points"))
                    .satisfies(p -> assertThat(p.available()).isFalse())
                    .satisfies(p -> assertThat(p.missing()).isEqualTo(OverviewPart.Missing.BUSY))
                    .satisfies(p -> assertThat(p.detail()).isEqualTo("too many calls to points in flight"));
            release.countDown();
            assertThat(held.join().parts().get("points").available()).isTrue();
            // The bulkhead is free again.
            assertThat(overviews.of(member).parts().get("points").available()).isTrue();
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    private static Map<String, String> heldSources(HeldParts services, String... parts) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String part : parts) {
            sources.put(part, services.source(part));
        }
        return sources;
    }

    /**
     * A view of its own beside the application's (whose sources the other tests share): these sources, a
     * time limit well above the stubs' own waits, a bulkhead of {@code concurrentCalls}, and meters of its own.
     */
    private Overviews overviews(Map<String, String> sources, int concurrentCalls) {
        OverviewSettings settings =
                new OverviewSettings(sources, Duration.ofSeconds(90), concurrentCalls, 50, 10, Duration.ofSeconds(30));
        return new Overviews(new MemberOverviews(queries, settings, json, new SimpleMeterRegistry()));
    }

    private record Overviews(MemberOverviews view) implements AutoCloseable {

        MemberOverview of(String member) {
            return view.of(MemberId.of(member), TestTokens.staff());
        }

        @Override
        public void close() {
            view.destroy();
        }
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
