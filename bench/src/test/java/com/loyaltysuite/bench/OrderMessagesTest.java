package com.loyaltysuite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.order.OrderPaid;
import com.loyaltysuite.events.order.OrderRefunded;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** What the benchmark publishes is what the input contract says, read back with the services' own codec. */
class OrderMessagesTest {

    private static final Instant PAID = Instant.parse("2026-11-23T10:00:00.123Z");

    @Test
    void orderPaidFollowsTheInputContract() {
        ProducerRecord<String, byte[]> record = OrderMessages.orderPaid(
                "e-1", "O-1001", "M-7", new BigDecimal("599.00"), PAID, "APP", "apparel");

        assertThat(record.topic()).isEqualTo(Topics.ORDER_PAID);
        assertThat(record.key()).isEqualTo("M-7");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo("e-1");
        assertThat(header(record, "ce_type")).isEqualTo("OrderPaid");
        assertThat(header(record, "ce_source")).isEqualTo("/order-system");
        assertThat(header(record, "ce_subject")).isEqualTo("M-7");
        assertThat(header(record, "ce_time")).isEqualTo("2026-11-23T10:00:00.123Z");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).startsWith(
                "{\"orderId\":\"O-1001\",\"memberId\":\"M-7\",\"programId\":\"default\","
                        + "\"amount\":{\"value\":\"599.00\",\"currency\":\"CNY\"},\"paidAt\":\"2026-11-23T10:00:00.123Z\","
                        + "\"channel\":\"APP\",\"items\":[{\"sku\":");

        var envelope = CloudEventCodec.fromRecord(asConsumed(record));
        assertThat(envelope.id()).isEqualTo("e-1");
        assertThat(envelope.data()).isInstanceOfSatisfying(OrderPaid.class, paid -> {
            assertThat(paid.orderId().value()).isEqualTo("O-1001");
            assertThat(paid.amount().value()).isEqualByComparingTo("599.00");
            assertThat(paid.paidAt()).isEqualTo(PAID);
        });
    }

    @Test
    void orderRefundedFollowsTheInputContract() {
        ProducerRecord<String, byte[]> record = OrderMessages.orderRefunded(
                "e-2", "R-1", "O-1001", "M-7", new BigDecimal("100.00"), PAID);

        assertThat(record.topic()).isEqualTo(Topics.ORDER_REFUNDED);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"refundId\":\"R-1\",\"orderId\":\"O-1001\",\"memberId\":\"M-7\",\"programId\":\"default\","
                        + "\"amount\":{\"value\":\"100.00\",\"currency\":\"CNY\"},\"refundedAt\":\"2026-11-23T10:00:00.123Z\"}");
        assertThat(CloudEventCodec.fromRecord(asConsumed(record)).data()).isInstanceOf(OrderRefunded.class);
    }

    @Test
    void anEventIdTellsItsOrderOnlyToItsOwnRun() {
        long run = OrderMessages.runBits(0x1234_5678_9abc_def0L);
        String id = OrderMessages.eventId(run, 4711);

        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(OrderMessages.orderIndexOf(run, id)).isEqualTo(4711);
        assertThat(OrderMessages.orderIndexOf(OrderMessages.runBits(42), id)).isEqualTo(-1);
        assertThat(OrderMessages.orderIndexOf(run, "not-a-uuid")).isEqualTo(-1);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, -1, record.value().length,
                record.key(), record.value(), record.headers(), Optional.empty());
    }
}
