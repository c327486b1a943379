package com.loyaltysuite.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.ConsentPurpose;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberDataKey;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.member.MemberStatusChanged;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.member.profile.Member;
import com.loyaltysuite.member.profile.RecordRegistration;
import com.loyaltysuite.support.crypto.PersonalDataCipher;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TestTokens;
import com.loyaltysuite.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** member-service against the embedded KRaft broker and PostgreSQL, driven over HTTP as a support agent would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(MemberTestClock.class)
class MemberServiceIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    CommandBus commandBus;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Snapshotter snapshotter;

    @Test
    void aRegisteredMemberCanBeReadAndIsPublished() {
        String member = newMember();

        ResponseEntity<Map> created = register(registration(member));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/members/" + member);
        assertThat(created.getBody())
                .containsEntry("memberId", member)
                .containsEntry("programId", "default")
                .containsEntry("name", "韩梅梅")
                .containsEntry("mobile", mobileOf(member))
                .containsEntry("email", emailOf(member))
                .containsEntry("birthday", "1990-05-17")
                .containsEntry("consents", Map.of("sms", true, "email", false))
                .containsKey("registeredAt");
        assertThat(awaitMember(member)).isEqualTo(created.getBody());

        try (TopicReader members = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBERS)) {
            ConsumerRecord<String, byte[]> record = members.awaitRecords(TopicReader.keyed(member)).get(0);
            EventEnvelope<IntegrationEvent> envelope = CloudEventCodec.fromRecord(record);
            assertThat(record.key()).isEqualTo(member);
            assertThat(envelope.source()).hasToString("/loyalty/member-service");
            assertThat(envelope.type().ceType()).isEqualTo("MemberRegistered");
            byte[] key;
            try (TopicReader keys = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBER_KEYS)) {
                MemberDataKey dataKey = (MemberDataKey) CloudEventCodec.fromRecord(
                                keys.awaitRecords(TopicReader.keyed(member)).get(0))
                        .data();
                assertThat(dataKey.algorithm()).isEqualTo("AES-256-GCM");
                key = Base64.getDecoder().decode(dataKey.key());
            }
            assertThat(envelope.data()).isInstanceOfSatisfying(MemberRegistered.class, registered -> {
                assertThat(registered.memberId().value()).isEqualTo(member);
                assertThat(registered.programId()).isEqualTo("default");
                assertThat(registered.name()).isNull(); // personal fields travel sealed (ADR 9)
                assertThat(registered.mobile()).isNull();
                assertThat(PersonalDataCipher.open(MemberId.of(member), key, registered.personalData()))
                        .hasValue(new PersonalData("韩梅梅", mobileOf(member), emailOf(member), LocalDate.of(1990, 5, 17)));
                assertThat(registered.consents()).isEqualTo(new Consents(true, false));
                assertThat(registered.registeredAt()).hasToString((String) created.getBody().get("registeredAt"));
            });
        }
    }

    @Test
    void aMemberWithoutAnIdGetsOneAndTheMobileIsKeptInE164() {
        String mobile = mobileOf(newMember());
        String national = mobile.substring(3, 6) + " " + mobile.substring(6, 10) + "-" + mobile.substring(10);
        ResponseEntity<Map> created = register(
                "{\"name\":\"李雷\",\"mobile\":\"" + national + "\",\"consents\":{\"sms\":false,\"email\":false}}");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String member = (String) created.getBody().get("memberId");
        assertThat(member).matches("M-[0-9a-f-]{36}");
        assertThat(created.getHeaders().getLocation()).hasToString("/members/" + member);
        assertThat(created.getBody())
                .containsEntry("mobile", mobile)
                .containsEntry("email", null)
                .containsEntry("birthday", null);
        assertThat(awaitMember(member)).containsEntry("name", "李雷");
    }

    @Test
    void anIdRegistersOnceAndTheSecondAttemptIsA409() {
        String member = newMember();
        assertThat(register(registration(member)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> again = register(registration(member).replace("韩梅梅", "冒名顶替"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again.getBody()).containsEntry("code", "member-already-registered").containsKey("traceId");
        assertThat(awaitMember(member)).containsEntry("name", "韩梅梅");
        assertThat(publishedAfterMarker(member)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MemberRegistered", "ConsentChanged");
    }

    /** One instance locks the id, so concurrent registrations meet the aggregate's rule in turn. */
    @Test
    void concurrentRegistrationsOfOneIdRegisterItOnce() {
        String member = newMember();
        List<ResponseEntity<Map>> responses = registerAllAtOnce(Collections.nCopies(6, registration(member)));

        assertThat(responses).filteredOn(r -> r.getStatusCode() == HttpStatus.CREATED).hasSize(1);
        assertThat(responses)
                .filteredOn(r -> r.getStatusCode() != HttpStatus.CREATED)
                .hasSize(5)
                .allSatisfy(r -> {
                    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(r.getBody()).containsEntry("code", "member-already-registered");
                });
        assertThat(publishedAfterMarker(member)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MemberRegistered", "ConsentChanged");
    }

    /**
     * Two instances: both registrations load no member and pass the rule, both wait until the other
     * has too, then both append the stream's first event. The event store lets one through; the
     * other must still answer 409, not 500.
     */
    @Test
    void registrationsRacingOnTwoInstancesRegisterTheIdOnce() {
        String member = newMember();
        List<ResponseEntity<Map>> responses = raceOnTwoInstances(
                register -> register.memberId().value().equals(member), registration(member), registration(member));

        assertThat(responses).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
        assertThat(responses)
                .filteredOn(r -> r.getStatusCode() == HttpStatus.CONFLICT)
                .singleElement()
                .satisfies(r -> assertThat(r.getBody()).containsEntry("code", "member-already-registered"));
        assertThat(publishedAfterMarker(member)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MemberRegistered", "ConsentChanged");
    }

    @Test
    void aSecondMemberWithTheSameMobileOrEmailIsA409NamingTheField() {
        String first = newMember();
        String second = newMember();
        assertThat(register(registration(first)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String sameMobileTypedOtherwise = "0086 " + mobileOf(first).substring(3);

        ResponseEntity<Map> sameMobile = register(registration(second).replace(mobileOf(second), sameMobileTypedOtherwise));
        ResponseEntity<Map> sameEmail = register(registration(second).replace(emailOf(second), emailOf(first).toUpperCase()));

        assertThat(sameMobile.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(sameMobile.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(sameMobile.getBody()).containsEntry("code", "mobile-already-registered");
        assertThat((String) sameMobile.getBody().get("detail")).contains("mobile");
        assertThat(sameEmail.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(sameEmail.getBody()).containsEntry("code", "email-already-registered");
        // The refused registrations left nothing behind: the id and its own details still register.
        assertThat(register(registration(second)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void concurrentRegistrationsOfOneMobileRegisterItOnce() {
        String mobile = mobileOf(newMember());
        List<String> members = IntStream.range(0, 6).mapToObj(i -> newMember()).toList();
        List<ResponseEntity<Map>> responses = registerAllAtOnce(members.stream()
                .map(member -> registration(member).replace(mobileOf(member), mobile))
                .toList());

        assertThat(responses).filteredOn(r -> r.getStatusCode() == HttpStatus.CREATED).hasSize(1);
        assertThat(responses).filteredOn(r -> r.getStatusCode() != HttpStatus.CREATED).hasSize(5).allSatisfy(r -> {
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(r.getBody()).containsEntry("code", "mobile-already-registered");
        });
    }

    /**
     * Two members with one mobile number on two instances: both pass every rule the aggregate knows,
     * both wait until the other has too, then both append. The claim's unique key lets one through, and
     * the other answers 409 naming the mobile.
     */
    @Test
    void registrationsOfOneMobileRacingOnTwoInstancesRegisterItOnce() {
        String mobile = mobileOf(newMember());
        String here = newMember();
        String there = newMember();
        List<ResponseEntity<Map>> responses = raceOnTwoInstances(
                register -> mobile.equals(register.mobile()),
                registration(here).replace(mobileOf(here), mobile),
                registration(there).replace(mobileOf(there), mobile));

        assertThat(responses).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
        assertThat(responses)
                .filteredOn(r -> r.getStatusCode() == HttpStatus.CONFLICT)
                .singleElement()
                .satisfies(r -> assertThat(r.getBody()).containsEntry("code", "mobile-already-registered"));
    }

    /** Six members with their own mobiles and one email address: one registers, the others are told it is the email. */
    @Test
    void concurrentRegistrationsOfOneEmailRegisterItOnce() {
        String email = emailOf(newMember());
        List<String> members = IntStream.range(0, 6).mapToObj(i -> newMember()).toList();
        List<ResponseEntity<Map>> responses = registerAllAtOnce(members.stream()
                .map(member -> registration(member).replace(emailOf(member), email))
                .toList());

        assertThat(responses).filteredOn(r -> r.getStatusCode() == HttpStatus.CREATED).hasSize(1);
        assertThat(responses).filteredOn(r -> r.getStatusCode() != HttpStatus.CREATED).hasSize(5).allSatisfy(r -> {
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(r.getBody()).containsEntry("code", "email-already-registered");
            assertThat((String) r.getBody().get("detail")).contains("email");
        });
        // The losers' own mobiles were not kept by their refused registrations.
        String winner = (String) responses.stream()
                .filter(r -> r.getStatusCode() == HttpStatus.CREATED)
                .findFirst()
                .orElseThrow()
                .getBody()
                .get("memberId");
        assertThat(jdbc.queryForObject(
                        "select count(*) from contact_claim where kind = 'email' and value = ?", Long.class, email))
                .isEqualTo(1);
        members.stream().filter(m -> !m.equals(winner)).forEach(loser -> assertThat(jdbc.queryForObject(
                        "select count(*) from contact_claim where member_id = ?", Long.class, loser))
                .isZero());
    }

    /**
     * Two members with their own mobiles and one email address on two instances, held until both passed
     * every rule the aggregate knows (as for the mobile above): the email's claim lets one through, and the
     * other answers 409 naming the email.
     */
    @Test
    void registrationsOfOneEmailRacingOnTwoInstancesRegisterItOnce() {
        String email = emailOf(newMember());
        String here = newMember();
        String there = newMember();
        List<ResponseEntity<Map>> responses = raceOnTwoInstances(
                register -> email.equals(register.email()),
                registration(here).replace(emailOf(here), email),
                registration(there).replace(emailOf(there), email));

        assertThat(responses).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
        assertThat(responses)
                .filteredOn(r -> r.getStatusCode() == HttpStatus.CONFLICT)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getBody()).containsEntry("code", "email-already-registered");
                    assertThat((String) r.getBody().get("detail")).contains("email");
                });
        assertThat(jdbc.queryForList(
                        "select member_id from contact_claim where kind = 'email' and value = ?", String.class, email))
                .singleElement()
                .isIn(here, there);
    }

    @Test
    void aMemberChangesTheProfileAndOnlyWhatChangedIsNamed() {
        String member = newMember();
        String other = newMember();
        register(registration(member));
        register(registration(other));
        String newMobile = mobileOf(newMember());

        ResponseEntity<Map> changed = patchProfile(member, "{\"mobile\":\"" + newMobile.substring(3) + "\",\"locale\":\"zh-cn\","
                + "\"timeZone\":\"Asia/Shanghai\",\"name\":\"韩梅梅\"}");
        ResponseEntity<Map> taken = patchProfile(other, "{\"email\":\"" + emailOf(member) + "\"}");
        ResponseEntity<Map> invalid = patchProfile(other, "{\"mobile\":\"12345\",\"timeZone\":\"Mars/Olympus\"}");
        ResponseEntity<Map> empty = patchProfile(other, "{}");

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(taken.getBody()).containsEntry("code", "email-already-registered");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().toString()).contains("mobile").contains("timeZone");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(awaitMember(member))
                .containsEntry("mobile", newMobile)
                .containsEntry("locale", "zh-CN")
                .containsEntry("timeZone", "Asia/Shanghai"));
        // The former mobile is free again, the new one taken.
        assertThat(patchProfile(other, "{\"mobile\":\"" + mobileOf(member) + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(patchProfile(other, "{\"mobile\":\"" + newMobile + "\"}").getBody())
                .containsEntry("code", "mobile-already-registered");

        try (TopicReader members = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBERS)) {
            MemberProfileUpdated updated = (MemberProfileUpdated) decode(members.awaitRecords(record ->
                            member.equals(record.key()) && decode(record) instanceof MemberProfileUpdated)
                    .get(0));
            assertThat(updated.changedFields()).containsExactly("mobile", "locale", "timeZone");
            assertThat(updated.mobile()).isNull();
            assertThat(updated.personalData()).startsWith("v1.").doesNotContain(newMobile.substring(1));
        }
    }

    /** The registrations sent all at once on this instance, one client thread each; their answers in order. */
    private List<ResponseEntity<Map>> registerAllAtOnce(List<String> registrations) {
        ExecutorService clients = Executors.newFixedThreadPool(registrations.size());
        try {
            return registrations.stream()
                    .map(body -> CompletableFuture.supplyAsync(() -> register(body), clients))
                    .toList()
                    .stream()
                    .map(CompletableFuture::join)
                    .toList();
        } finally {
            clients.shutdown();
        }
    }

    /**
     * One registration on this instance and one on a second (another application context on the same
     * database and broker). The two registrations {@code held} picks are each held, once the aggregate
     * has let it through, until the other has been let through too, so both append at once.
     */
    private List<ResponseEntity<Map>> raceOnTwoInstances(
            Predicate<RecordRegistration> held, String registrationHere, String registrationThere) {
        CyclicBarrier bothPassedTheRules = new CyclicBarrier(2);
        MessageHandlerInterceptor<CommandMessage<?>> holdBeforeAppend = (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RecordRegistration register && held.test(register)) {
                unitOfWork.onPrepareCommit(u -> awaitTheOther(bothPassedTheRules));
            }
            return chain.proceed();
        };
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(MemberServiceApplication.class).run("--server.port=0", SECOND_INSTANCE);
                Registration onThis = commandBus.registerHandlerInterceptor(holdBeforeAppend);
                Registration onOther = other.getBean(CommandBus.class).registerHandlerInterceptor(holdBeforeAppend)) {
            TestRestTemplate otherHttp = new TestRestTemplate(new RestTemplateBuilder()
                    .rootUri("http://127.0.0.1:" + other.getEnvironment().getProperty("local.server.port"))
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()));
            var onThisInstance = CompletableFuture.supplyAsync(
                    () -> http.postForEntity("/members", json(registrationHere), Map.class), clients);
            var onTheOther = CompletableFuture.supplyAsync(
                    () -> otherHttp.postForEntity("/members", json(registrationThere), Map.class), clients);
            return List.of(onThisInstance.join(), onTheOther.join());
        } finally {
            clients.shutdown();
        }
    }

    /**
     * What makes a second context in this JVM a second instance: Axon names a token owner after the
     * JVM, and two owners of one name would both process the same segments.
     */
    private static final String SECOND_INSTANCE = "--loyalty.axon.node-id=member-service-second-instance";

    private static void awaitTheOther(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("The other registration never reached the event store", e);
        }
    }

    @Test
    void consentChangesArePublishedOnlyWhenTheyChange() {
        String member = newMember();
        register(registration(member));

        assertThat(putConsents(member, true, true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(putConsents(member, true, true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(putConsents(member, false, true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        awaitConsents(member, false, true);
        try (TopicReader members = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBERS)) {
            members.awaitRecords(record -> member.equals(record.key())
                    && decode(record) instanceof ConsentChanged c
                    && c.channel() == Channel.SMS);
            List<IntegrationEvent> events = members.matching(TopicReader.keyed(member)).stream()
                    .map(MemberServiceIT::decode)
                    .toList();
            assertThat(events).hasSize(3);
            assertThat(events.get(0)).isInstanceOf(MemberRegistered.class);
            assertThat(events.get(1)).isInstanceOfSatisfying(ConsentChanged.class, c -> {
                assertThat(c.channel()).isEqualTo(Channel.EMAIL);
                assertThat(c.granted()).isTrue();
                assertThat(c.programId()).isEqualTo("default");
            });
            assertThat(events.get(2)).isInstanceOfSatisfying(ConsentChanged.class, c -> {
                assertThat(c.channel()).isEqualTo(Channel.SMS);
                assertThat(c.granted()).isFalse();
            });
        }
    }

    @Test
    void supportStaffFreezeUnfreezeAndCloseAMemberWithAReasonAndTheOperatorFromTheToken() {
        String member = newMember();
        register(registration(member));

        assertThat(putStatus(member, "{\"status\":\"FROZEN\",\"reason\":\"chargeback under review\"}", "agent-7")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(awaitMember(member)).containsEntry("status", "FROZEN"));
        ResponseEntity<Map> noReason = putStatus(member, "{\"status\":\"ACTIVE\"}", "agent-7");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().toString()).contains("reason");
        assertThat(putStatus(member, "{\"status\":\"ACTIVE\",\"reason\":\"cleared\"}", "agent-8").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(putStatus(member, "{\"status\":\"CLOSED\",\"reason\":\"on request\"}", "agent-8").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map> reopen = putStatus(member, "{\"status\":\"ACTIVE\",\"reason\":\"oops\"}", "agent-8");
        assertThat(reopen.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reopen.getBody()).containsEntry("code", "member-closed");

        try (TopicReader members = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBERS)) {
            members.awaitRecords(record -> member.equals(record.key())
                    && decode(record) instanceof MemberStatusChanged c
                    && c.status() == MemberStatus.CLOSED);
            List<MemberStatusChanged> changes = members.matching(TopicReader.keyed(member)).stream()
                    .map(MemberServiceIT::decode)
                    .filter(MemberStatusChanged.class::isInstance)
                    .map(MemberStatusChanged.class::cast)
                    .toList();
            assertThat(changes).extracting(MemberStatusChanged::status, MemberStatusChanged::previousStatus,
                            MemberStatusChanged::reason, MemberStatusChanged::operator)
                    .containsExactly(
                            tuple(MemberStatus.FROZEN, MemberStatus.ACTIVE, "chargeback under review", "agent-7"),
                            tuple(MemberStatus.ACTIVE, MemberStatus.FROZEN, "cleared", "agent-8"),
                            tuple(MemberStatus.CLOSED, MemberStatus.ACTIVE, "on request", "agent-8"));
        }
    }

    @Test
    void theConsentHistoryListsEveryConsentPerChannelAndPurposeWithItsTimeAndSource() {
        String member = newMember();
        register(registration(member));
        putConsents(member, true, true); // email marketing granted by staff
        HttpHeaders asTheMember = new HttpHeaders();
        asTheMember.setBearerAuth(TestTokens.mint(member, TestTokens.MEMBER));
        asTheMember.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/members/{id}/consents", HttpMethod.PUT, new HttpEntity<>(
                                "{\"sms\":false,\"email\":true,\"purpose\":\"TRANSACTIONAL\"}", asTheMember),
                        Map.class, member)
                .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        Map<String, Object> history = await().atMost(Duration.ofSeconds(60)).until(
                () -> http.getForObject("/members/{id}/consents/history?size=3", Map.class, member),
                h -> h.get("totalEntries") != null && ((Number) h.get("totalEntries")).intValue() == 6);
        List<Map<String, Object>> newest = (List<Map<String, Object>>) history.get("entries");
        assertThat(newest).hasSize(3);
        assertThat(newest.get(0))
                .containsEntry("channel", "SMS")
                .containsEntry("purpose", "TRANSACTIONAL")
                .containsEntry("granted", false)
                .containsEntry("source", "member")
                .containsKey("changedAt");
        assertThat(newest.get(1))
                .containsEntry("channel", "EMAIL")
                .containsEntry("purpose", "MARKETING")
                .containsEntry("granted", true)
                .containsEntry("source", "staff:" + TestTokens.STAFF_SUBJECT);
        List<Map<String, Object>> registration = (List<Map<String, Object>>) http
                .getForObject("/members/{id}/consents/history?page=1&size=3", Map.class, member)
                .get("entries");
        assertThat(registration).hasSize(3).allSatisfy(e -> assertThat(e).containsEntry("source", "registration"));
        assertThat(http.getForEntity("/members/{id}/consents/history", Map.class, newMember()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/members/{id}/consents/history?size=500", Map.class, member).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        try (TopicReader members = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBERS)) {
            ConsentChanged transactional = (ConsentChanged) decode(members.awaitRecords(record -> member.equals(record.key())
                            && decode(record) instanceof ConsentChanged c
                            && c.purpose() == ConsentPurpose.TRANSACTIONAL)
                    .get(0));
            assertThat(transactional.channel()).isEqualTo(Channel.SMS);
            assertThat(transactional.source()).isEqualTo("member");
        }
    }

    /**
     * Crypto-shredding end to end (ADR 9): after erasure no API answers the mobile or email, a rebuild of
     * the profiles from the event store finds none, neither the member's records on loyalty.members.v1
     * nor its rows in domain_event_entry (payload and metadata) ever held them in clear, and its snapshot,
     * sealed too, is deleted by the erasure.
     */
    @Test
    void anErasedMemberCannotBeReadAnywhereNotEvenByReplayingTheEvents() {
        String member = newMember();
        String mobile = mobileOf(member);
        String email = emailOf(member);
        String newEmail = "new-" + email;
        register(registration(member));
        assertThat(patchProfile(member, "{\"email\":\"" + newEmail + "\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(awaitMember(member)).containsEntry("email", newEmail));
        try (TopicReader members = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBERS);
                TopicReader keys = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBER_KEYS)) {
            MemberRegistered registered = (MemberRegistered) decode(members.awaitRecords(
                            r -> member.equals(r.key()) && decode(r) instanceof MemberRegistered)
                    .get(0));
            assertThat(registered.mobile()).isNull();
            assertThat(registered.personalData()).startsWith("v1.");
            assertThat(keys.awaitRecords(r -> member.equals(r.key()) && r.value() != null)).hasSize(1);
        }

        // A snapshot of the aggregate holds its state: sealed too, and deleted on erasure (ADR 9).
        snapshotter.scheduleSnapshot(Member.class, member);
        List<Map<String, Object>> snapshots = jdbc.queryForList(
                "select payload, meta_data from snapshot_event_entry where aggregate_identifier = ?", member);
        assertThat(snapshots).singleElement().satisfies(row -> assertThat(clearText(row))
                .contains(member)
                .doesNotContain(mobile.substring(1), email, newEmail, "韩梅梅"));

        ResponseEntity<Void> erased = http.exchange(
                "/members/{id}?reason={reason}", HttpMethod.DELETE, null, Void.class, member, "member request, ticket 9");

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(awaitMember(member))
                        .containsEntry("name", null)
                        .containsEntry("mobile", null)
                        .containsEntry("email", null)
                        .containsEntry("birthday", null)
                        .containsEntry("status", "ACTIVE"));
        assertThat(http.exchange("/members/{id}", HttpMethod.DELETE, null, Void.class, member).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(patchProfile(member, "{\"name\":\"回来\"}").getBody()).containsEntry("code", "member-erased");
        // The contact details are free for someone else.
        String stranger = newMember();
        assertThat(register(registration(stranger).replace(mobileOf(stranger), mobile)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        StreamingEventProcessor projection = processing
                .eventProcessor("member-profile", StreamingEventProcessor.class)
                .orElseThrow();
        projection.shutdownAsync().join();
        projection.resetTokens();
        projection.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<String> rebuilt = http.getForEntity("/members/{id}", String.class, member);
            assertThat(rebuilt.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(rebuilt.getBody()).contains("\"status\":\"ACTIVE\"").doesNotContain(mobile, email, newEmail, "韩梅梅");
        });
        assertThat(jdbc.queryForList("select * from member_profile where member_id = ?", member).toString())
                .doesNotContain(mobile.substring(1), email, newEmail, "韩梅梅");

        List<Map<String, Object>> stored = jdbc.queryForList(
                "select payload, meta_data from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                member);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(3);
        assertThat(stored).allSatisfy(row -> assertThat(clearText(row))
                .doesNotContain(mobile.substring(1), email, newEmail, "韩梅梅"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, member))
                .isZero();
        try (TopicReader members = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBERS);
                TopicReader keys = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBER_KEYS)) {
            List<ConsumerRecord<String, byte[]>> records = members.awaitRecords(
                    r -> member.equals(r.key()) && decode(r) instanceof MemberErased);
            assertThat(members.matching(TopicReader.keyed(member)))
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                            .doesNotContain(mobile.substring(1), email, newEmail, "韩梅梅"));
            assertThat(decode(records.get(0))).isInstanceOfSatisfying(MemberErased.class,
                    e -> assertThat(e.reason()).isEqualTo("member request, ticket 9"));
            // The key's last word is a tombstone, which compaction turns into nothing.
            keys.awaitRecords(r -> member.equals(r.key()) && r.value() == null);
            List<ConsumerRecord<String, byte[]>> keyRecords = keys.matching(TopicReader.keyed(member));
            assertThat(keyRecords.get(keyRecords.size() - 1).value()).isNull();
        }
    }

    @Test
    void anUnknownMemberIsA404ProblemBody() {
        String member = newMember();

        ResponseEntity<Map> read = http.getForEntity("/members/{id}", Map.class, member);
        ResponseEntity<Map> consents = putConsents(member, true, true);

        for (ResponseEntity<Map> response : List.of(read, consents)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).containsEntry("code", "member-not-found").containsKey("traceId");
        }
    }

    @Test
    void theProfilesAreRebuiltIdenticallyFromTheEventStore() {
        String member = newMember();
        register(registration(member));
        putConsents(member, false, true);
        awaitConsents(member, false, true);
        Map<String, Object> before = awaitMember(member);

        StreamingEventProcessor projection = processing
                .eventProcessor("member-profile", StreamingEventProcessor.class)
                .orElseThrow();
        projection.shutdownAsync().join();
        projection.resetTokens();
        assertThat(http.getForEntity("/members/{id}", Map.class, member).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        projection.start();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(http.getForObject("/members/{id}", Map.class, member)).isEqualTo(before));
    }

    @Test
    void anOperatorRebuildsAProjectionWithOneRequest() {
        String member = newMember();
        register(registration(member));
        putConsents(member, false, true);
        awaitConsents(member, false, true);
        Map<String, Object> before = awaitMember(member);

        List<Map<String, Object>> processors = http.getForObject("/actuator/projections", List.class);
        ResponseEntity<Map> rebuild = http.postForEntity("/actuator/projections/member-profile", null, Map.class);

        assertThat(processors).extracting(p -> p.get("name")).contains("member-profile", "kafka-relay");
        assertThat(rebuild.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rebuild.getBody()).containsEntry("name", "member-profile").containsEntry("status", "replaying");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(http.getForObject("/members/{id}", Map.class, member)).isEqualTo(before));
    }

    @Test
    void theOutboxRelayAndUnknownProcessorsAreNotRebuilt() {
        assertThat(http.postForEntity("/actuator/projections/kafka-relay", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.postForEntity("/actuator/projections/no-such-projection", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void exposesHealthAndPrometheusMetrics() {
        assertThat(http.getForObject("/actuator/health", Map.class)).containsEntry("status", "UP");
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics)
                .contains("application=\"member-service\"")
                .contains("loyalty_events_published_seconds_count");
        // published events are timed by topic and type
        String member = "M-" + UUID.randomUUID();
        assertThat(register(registration(member)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject("/actuator/prometheus", String.class)
                .lines()
                .anyMatch(line -> line.startsWith("loyalty_events_published_seconds_count{")
                        && line.contains("topic=\"loyalty.members.v1\"")
                        && line.contains("type=\"MemberRegistered\"")));
    }

    /** Registration, then an email consent change as a marker: once it is seen, all before it are. */
    private List<IntegrationEvent> publishedAfterMarker(String member) {
        putConsents(member, true, true);
        try (TopicReader members = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBERS)) {
            members.awaitRecords(record -> member.equals(record.key()) && decode(record) instanceof ConsentChanged);
            return members.matching(TopicReader.keyed(member)).stream().map(MemberServiceIT::decode).toList();
        }
    }

    private ResponseEntity<Map> register(String body) {
        return http.postForEntity("/members", json(body), Map.class);
    }

    private ResponseEntity<Map> patchProfile(String member, String body) {
        return http.exchange("/members/{id}", HttpMethod.PATCH, json(body), Map.class, member);
    }

    private ResponseEntity<Map> putStatus(String member, String body, String operator) {
        HttpHeaders headers = TestTokens.staffHeaders(operator);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/members/{id}/status", HttpMethod.PUT, new HttpEntity<>(body, headers), Map.class, member);
    }

    private ResponseEntity<Map> putConsents(String member, boolean sms, boolean email) {
        return http.exchange(
                "/members/{id}/consents",
                HttpMethod.PUT,
                json("{\"sms\":" + sms + ",\"email\":" + email + "}"),
                Map.class,
                member);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitMember(String member) {
        return (Map<String, Object>) await().atMost(Duration.ofSeconds(60))
                .until(() -> http.getForEntity("/members/{id}", Map.class, member), r -> r.getStatusCode() == HttpStatus.OK)
                .getBody();
    }

    private void awaitConsents(String member, boolean sms, boolean email) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(awaitMember(member)).containsEntry("consents", Map.of("sms", sms, "email", email)));
    }

    /** A stored row's payload and metadata as the bytes read in UTF-8, as anyone reading the table would. */
    private static String clearText(Map<String, Object> row) {
        return new String((byte[]) row.get("payload"), StandardCharsets.UTF_8) + "\n"
                + (row.get("meta_data") == null ? "" : new String((byte[]) row.get("meta_data"), StandardCharsets.UTF_8));
    }

    private static IntegrationEvent decode(ConsumerRecord<String, byte[]> record) {
        return CloudEventCodec.fromRecord(record).data();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String registration(String member) {
        return "{\"memberId\":\"" + member + "\",\"name\":\"韩梅梅\",\"mobile\":\"" + mobileOf(member) + "\","
                + "\"email\":\"" + emailOf(member) + "\",\"birthday\":\"1990-05-17\","
                + "\"consents\":{\"sms\":true,\"email\":false}}";
    }

    /** A mobile number of this member's own (one member per number), in E.164. */
    private static String mobileOf(String member) {
        return "+86138" + String.format("%08d", Math.floorMod(member.hashCode(), 100_000_000));
    }

    private static String emailOf(String member) {
        return member.toLowerCase(java.util.Locale.ROOT) + "@example.com";
    }

    private static String newMember() {
        return "M-" + UUID.randomUUID();
    }
}
