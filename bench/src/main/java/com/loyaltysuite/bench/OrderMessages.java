package com.loyaltysuite.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records the order system publishes, exactly as DESIGN.md's input contract gives them: topic,
 * key = member id, CloudEvents binary-mode headers and the JSON data, written with Jackson alone.
 */
public final class OrderMessages {

    static final String SOURCE = "/order-system";
    static final String PROGRAM = "default";
    static final String CURRENCY = "CNY";

    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Amount(String value, String currency) {}

    record Item(String sku, String category, int quantity, Amount amount) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderPaid(
            String orderId,
            String memberId,
            String programId,
            Amount amount,
            String paidAt,
            String channel,
            List<Item> items) {}

    record OrderRefunded(
            String refundId, String orderId, String memberId, String programId, Amount amount, String refundedAt) {}

    private OrderMessages() {}

    public static ProducerRecord<String, byte[]> orderPaid(
            String eventId, String orderId, String memberId, BigDecimal amount, Instant paidAt, String channel,
            String category) {
        Amount money = new Amount(amount.toPlainString(), CURRENCY);
        String sku = "SKU-" + category.toUpperCase(java.util.Locale.ROOT) + "-" + (Math.abs(orderId.hashCode()) % 500);
        OrderPaid data = new OrderPaid(orderId, memberId, PROGRAM, money, rfc3339(paidAt), channel,
                List.of(new Item(sku, category, 1, money)));
        return record(Topics.ORDER_PAID, eventId, "OrderPaid", memberId, paidAt, data);
    }

    public static ProducerRecord<String, byte[]> orderRefunded(
            String eventId, String refundId, String orderId, String memberId, BigDecimal amount, Instant refundedAt) {
        OrderRefunded data = new OrderRefunded(refundId, orderId, memberId, PROGRAM,
                new Amount(amount.toPlainString(), CURRENCY), rfc3339(refundedAt));
        return record(Topics.ORDER_REFUNDED, eventId, "OrderRefunded", memberId, refundedAt, data);
    }

    /** An event id that is a plain random-looking UUID yet tells the benchmark which order it was. */
    public static String eventId(long runBits, long orderIndex) {
        return new UUID(runBits, 0x8000_0000_0000_0000L | orderIndex).toString();
    }

    /** The order index inside {@code eventId}, or -1 when it is not one of this run's OrderPaid ids. */
    static long orderIndexOf(long runBits, String eventId) {
        try {
            UUID id = UUID.fromString(eventId);
            return id.getMostSignificantBits() == runBits ? id.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** The most significant UUID bits of a run: random, with the version-4 nibble. */
    public static long runBits(long random) {
        return (random & ~0xF000L) | 0x4000L;
    }

    private static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static ProducerRecord<String, byte[]> record(
            String topic, String eventId, String type, String memberId, Instant time, Object data) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + type, e);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, memberId, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", type);
        header(record, "ce_source", SOURCE);
        header(record, "ce_subject", memberId);
        header(record, "ce_time", rfc3339(time));
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
