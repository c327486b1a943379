package com.loyaltysuite.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.order.OrderPaid;
import com.loyaltysuite.support.LoyaltyService;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TopicReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Poll batches against the real broker and PostgreSQL. Records are published while the listener is
 * stopped, so that one poll brings them all, then it is started.
 */
@SpringBootTest(properties = {"loyalty.timers.poll=false", "loyalty.kafka.consumes=orders.order-paid.v1"})
class InboundEventsIT {

    static final Instant PAID_AT = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    OrderSystem orderSystem = new OrderSystem(SharedKafka.bootstrapServers());
    String member = "M-" + UUID.randomUUID();

    @BeforeEach
    void tables() {
        jdbc.execute("create table if not exists applied_order"
                + " (order_id varchar(64) primary key, member_id varchar(64), event_id varchar(64), unit_of_work bigint)");
    }

    @AfterEach
    void stop() {
        listeners.getListenerContainer(RecordingListener.ID).stop();
        orderSystem.close();
    }

    @Test
    void aPollBatchIsAppliedInOneUnitOfWorkAndRepeatsAndOtherTypesChangeNothing() {
        String repeated = UUID.randomUUID().toString();
        for (int i = 1; i <= 10; i++) {
            orderSystem.orderPaid(i == 5 ? repeated : UUID.randomUUID().toString(), member, member + "-O" + i, "10.00", PAID_AT);
        }
        orderSystem.orderPaid(repeated, member, member + "-O5", "10.00", PAID_AT);
        // A type this listener does not handle: passed over on its header, so its broken body is never read.
        orderSystem.raw(
                Topics.ORDER_PAID,
                member,
                OrderSystem.headers(UUID.randomUUID().toString(), "PointsEarned", member, PAID_AT),
                "not json".getBytes(StandardCharsets.UTF_8));
        double applied = consumed("applied");
        double duplicates = consumed("duplicate");
        long aged = timer("loyalty.events.age").count();
        double agedSeconds = timer("loyalty.events.age").totalTime(TimeUnit.SECONDS);
        long batches = timer("loyalty.events.processing").count();
        Instant started = Instant.now();

        start();

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedOrders().size() == 10);
        // Counted after the commit, so possibly a moment after the rows are visible.
        await().atMost(Duration.ofSeconds(10)).until(() -> consumed("applied") == applied + 10);
        assertThat(consumed("duplicate")).isEqualTo(duplicates + 1);
        // Ten first deliveries aged (the repeat is not), each at least from its paid time to the start.
        assertThat(timer("loyalty.events.age").count()).isEqualTo(aged + 10);
        assertThat(timer("loyalty.events.age").totalTime(TimeUnit.SECONDS) - agedSeconds)
                .isGreaterThanOrEqualTo(10.0 * Duration.between(PAID_AT, started).toSeconds());
        assertThat(timer("loyalty.events.processing").count()).isGreaterThan(batches);
        assertThat(jdbc.queryForObject(
                        "select count(distinct unit_of_work) from applied_order where member_id = ?", Long.class, member))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from inbox_message where consumer = 'recording' and event_id = ?",
                        Long.class,
                        repeated))
                .isEqualTo(1);
    }

    @Test
    void aBadRecordInABatchIsDeadLetteredAloneAndNothingElseIsLostOrAppliedTwice() {
        try (TopicReader deadLetters = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.ORDER_PAID))) {
            orderSystem.orderPaid(member, member + "-A1", "10.00", PAID_AT);
            orderSystem.orderPaid(member, member + "-A2", "10.00", PAID_AT);
            orderSystem.orderPaid(member, member + "-FAIL3", "10.00", PAID_AT);
            orderSystem.orderPaid(member, member + "-A4", "10.00", PAID_AT);
            orderSystem.orderPaid(member, member + "-REJECT5", "10.00", PAID_AT);
            orderSystem.send(Topics.ORDER_PAID, UUID.randomUUID().toString(), "OrderPaid", member, PAID_AT,
                    "{\"orderId\":\"" + member + "-BAD6\",\"memberId\":\"" + member + "\",\"amount\":{\"value\":1.5}}");
            orderSystem.orderPaid(member, member + "-A7", "10.00", PAID_AT);

            start();

            List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(60))
                    .until(() -> deadLetters.matching(TopicReader.keyed(member)), records -> records.size() == 3);
            assertThat(dead).extracting(InboundEventsIT::reason).satisfiesExactly(
                    reason -> assertThat(reason).contains("cannot apply " + member + "-FAIL3"),
                    reason -> assertThat(reason).contains("rejected " + member + "-REJECT5"),
                    reason -> assertThat(reason).contains("violates its schema"));
            await().atMost(Duration.ofSeconds(30)).until(() -> appliedOrders().size() == 5);
            // The rejected refund's state change is kept; the failed one left nothing behind.
            assertThat(appliedOrders()).containsExactlyInAnyOrder(
                    member + "-A1", member + "-A2", member + "-A4", member + "-REJECT5", member + "-A7");
        }
    }

    @Test
    void anOrderWhoseTransactionTheOrderSystemAbortedIsNeverApplied() {
        orderSystem.orderPaidThenAborted(member, member + "-ABORTED", "10.00", PAID_AT);
        orderSystem.orderPaid(member, member + "-AFTER", "10.00", PAID_AT);

        start();

        // Same key, same partition: by the time the later order is applied, the aborted one was passed over.
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedOrders().contains(member + "-AFTER"));
        assertThat(appliedOrders()).containsExactly(member + "-AFTER");
    }

    @Test
    void aRecordWithThousandsOfFaultsIsDeadLetteredWithAShortReasonAndNoStackTrace() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            items.append(i == 0 ? "" : ",").append("{\"sku\":\"\",\"quantity\":-1,\"amount\":{\"value\":\"x\"}}");
        }
        try (TopicReader deadLetters = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.ORDER_PAID))) {
            orderSystem.send(Topics.ORDER_PAID, UUID.randomUUID().toString(), "OrderPaid", member, PAID_AT,
                    "{\"orderId\":\"" + member + "-MANY\",\"memberId\":\"" + member + "\",\"programId\":\"default\","
                            + "\"amount\":{\"value\":\"10.00\",\"currency\":\"CNY\"},\"paidAt\":\"" + PAID_AT + "\","
                            + "\"channel\":\"APP\",\"items\":[" + items + "]}");
            orderSystem.orderPaid(member, member + "-GOOD", "10.00", PAID_AT);

            start();

            ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(60))
                    .until(() -> deadLetters.matching(TopicReader.keyed(member)), records -> records.size() == 1)
                    .get(0);
            assertThat(reason(dead)).contains("violates its schema").hasSizeLessThanOrEqualTo(DeadLetters.MAX_REASON_CHARS);
            assertThat(dead.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
            await().atMost(Duration.ofSeconds(30)).until(() -> appliedOrders().contains(member + "-GOOD"));
        }
    }

    @Test
    void aRecordTooLargeForItsDeadLetterTopicIsKeptInTheDeadLetterTableAndThePartitionGoesOn() {
        // Just under the producer's 1 MiB request limit: it fits on its topic, but not with a reason added.
        String eventId = UUID.randomUUID().toString();
        byte[] huge = ("{\"orderId\":\"" + "x".repeat(1_044_000)).getBytes(StandardCharsets.UTF_8);
        orderSystem.raw(Topics.ORDER_PAID, member, OrderSystem.headers(eventId, "OrderPaid", member, PAID_AT), huge);
        orderSystem.orderPaid(member, member + "-BEHIND", "10.00", PAID_AT);

        start();

        await().atMost(Duration.ofSeconds(60)).until(() -> appliedOrders().contains(member + "-BEHIND"));
        Map<String, Object> kept = jdbc.queryForMap(
                "select topic, record_key, event_type, reason, size_bytes, length(payload) as payload_bytes"
                        + " from dead_letter where event_id = ?",
                eventId);
        assertThat(kept)
                .containsEntry("topic", Topics.ORDER_PAID)
                .containsEntry("record_key", member)
                .containsEntry("event_type", "OrderPaid")
                .containsEntry("payload_bytes", huge.length);
        assertThat((String) kept.get("reason")).hasSizeLessThanOrEqualTo(DeadLetters.MAX_REASON_CHARS);
        assertThat(meters.get("loyalty.events.dead.lettered").tag("to", "table").counter().count())
                .isGreaterThanOrEqualTo(1.0);
    }

    private double consumed(String outcome) {
        Counter counter = meters.find("loyalty.events.consumed")
                .tags("topic", Topics.ORDER_PAID, "type", "OrderPaid", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer timer(String name) {
        Timer timer = meters.find(name).tag("topic", Topics.ORDER_PAID).timer();
        return timer != null ? timer : Timer.builder(name).tag("topic", "none").register(new SimpleMeterRegistry());
    }

    private void start() {
        listeners.getListenerContainer(RecordingListener.ID).start();
    }

    private List<String> appliedOrders() {
        return jdbc.queryForList("select order_id from applied_order where member_id = ?", String.class, member);
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8);
    }

    @SpringBootApplication
    @LoyaltyService("inboundtest")
    @Import(RecordingListener.class)
    static class InboundTestApplication {}

    /**
     * Records each order with the unit of work that applied it. Orders named FAIL cannot be applied
     * (their row is written, then the handler throws, so a batch rollback must take it back); orders
     * named REJECT are applied and then dead-lettered.
     */
    static class RecordingListener {

        static final String ID = "recording";
        private final InboundEvents inbound;
        private final InboundHandlers handlers;
        private final JdbcTemplate jdbc;

        RecordingListener(InboundEvents inbound, JdbcTemplate jdbc) {
            this.inbound = inbound;
            this.jdbc = jdbc;
            this.handlers = InboundHandlers.builder().on(OrderPaid.class, "recording", this::record).build();
        }

        @KafkaListener(id = ID, topics = Topics.ORDER_PAID, autoStartup = "false", concurrency = "1")
        void onRecords(List<ConsumerRecord<String, byte[]>> records) {
            inbound.apply(records, handlers);
        }

        private Outcome record(OrderPaid paid, String eventId) {
            String orderId = paid.orderId().value();
            jdbc.update(
                    "insert into applied_order (order_id, member_id, event_id, unit_of_work) values (?, ?, ?, ?)",
                    orderId,
                    paid.memberId().value(),
                    eventId,
                    System.identityHashCode(CurrentUnitOfWork.get().root()));
            if (orderId.contains("FAIL")) {
                throw new RejectedEventException("cannot apply " + orderId);
            }
            return orderId.contains("REJECT") ? Outcome.rejected("rejected " + orderId) : Outcome.APPLIED;
        }
    }
}
