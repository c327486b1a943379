package com.loyaltysuite.testsupport;

import com.loyaltysuite.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes what the order system publishes, byte for byte as DESIGN.md's input contract gives it,
 * with a plain kafka-clients producer (nothing of ours on the way).
 */
public final class OrderSystem implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrapServers;

    public OrderSystem(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Publishes an OrderPaid of {@code amount} CNY; returns the ce_id it used. */
    public String orderPaid(String memberId, String orderId, String amount, Instant paidAt) {
        String eventId = UUID.randomUUID().toString();
        orderPaid(eventId, memberId, orderId, amount, paidAt);
        return eventId;
    }

    public void orderPaid(String eventId, String memberId, String orderId, String amount, Instant paidAt) {
        send(Topics.ORDER_PAID, eventId, "OrderPaid", memberId, paidAt, orderPaidJson(memberId, orderId, amount, paidAt));
    }

    /**
     * Publishes an OrderPaid inside a Kafka transaction that the order system then aborts: a consumer
     * reading committed records only never sees it.
     */
    public void orderPaidThenAborted(String memberId, String orderId, String amount, Instant paidAt) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.ORDER_PAID,
                memberId,
                orderPaidJson(memberId, orderId, amount, paidAt).getBytes(StandardCharsets.UTF_8));
        headers(UUID.randomUUID().toString(), "OrderPaid", memberId, paidAt)
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> transactional = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "order-system-" + UUID.randomUUID()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(record).get(30, TimeUnit.SECONDS);
            transactional.abortTransaction();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish and abort on " + record.topic(), e);
        }
    }

    public static String orderPaidJson(String memberId, String orderId, String amount, Instant paidAt) {
        return "{\"orderId\":\"" + orderId + "\",\"memberId\":\"" + memberId
                + "\",\"programId\":\"default\",\"amount\":{\"value\":\"" + amount
                + "\",\"currency\":\"CNY\"},\"paidAt\":\"" + paidAt + "\",\"channel\":\"APP\",\"items\":[{\"sku\":\"SKU-1\",\"category\":\"apparel\",\"quantity\":1,\"amount\":{\"value\":\""
                + amount + "\",\"currency\":\"CNY\"}}]}";
    }

    /** Publishes an OrderRefunded of {@code amount} CNY; returns the ce_id it used. */
    public String orderRefunded(String memberId, String orderId, String refundId, String amount, Instant refundedAt) {
        String eventId = UUID.randomUUID().toString();
        String json = "{\"refundId\":\"" + refundId + "\",\"orderId\":\"" + orderId + "\",\"memberId\":\"" + memberId
                + "\",\"programId\":\"default\",\"amount\":{\"value\":\"" + amount
                + "\",\"currency\":\"CNY\"},\"refundedAt\":\"" + refundedAt + "\"}";
        send(Topics.ORDER_REFUNDED, eventId, "OrderRefunded", memberId, refundedAt, json);
        return eventId;
    }

    /** Publishes raw bytes with the given headers, for poison-message tests. */
    public void raw(String topic, String key, Map<String, String> headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        sendAndWait(record);
    }

    public void send(String topic, String eventId, String type, String memberId, Instant time, String json) {
        raw(topic, memberId, headers(eventId, type, memberId, time), json.getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, String> headers(String eventId, String type, String memberId, Instant time) {
        return Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId,
                "ce_type", type,
                "ce_source", "/order-system",
                "ce_subject", memberId,
                "ce_time", time.toString(),
                "content-type", "application/json");
    }

    private void sendAndWait(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
