package com.loyaltysuite.faults;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.testsupport.OrderSystem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The order system's worst day, the same fixtures as the end-to-end test's hostile records: malformed
 * JSON, no CloudEvents headers, a schema violation, an unknown type, negative, 40-digit and
 * over-precise amounts, an odd member id, and a record at the broker's size limit. Each one sent is
 * kept with the reason its dead letter must name.
 */
final class Hostile {

    /** One hostile record: how to find its dead letter ({@code match}: its ce_id, or a text of its payload) and the reason. */
    record Sent(String kind, String match, boolean byPayload, String reason, boolean oversize) {}

    final List<Sent> sent = new ArrayList<>();

    /** One of each kind, keyed like the good orders of {@code member} so they sit in front of them. */
    List<ProducerRecord<String, byte[]>> batch(String member) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        Instant paidAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        records.add(withId("malformed JSON", member, "OrderPaid", "{\"orderId\":".getBytes(StandardCharsets.UTF_8), paidAt,
                "data is not JSON", false));
        String noHeadersOrder = "H-" + tag + "-NO-HEADERS";
        ProducerRecord<String, byte[]> noHeaders = new ProducerRecord<>(Topics.ORDER_PAID, member,
                OrderSystem.orderPaidJson(member, noHeadersOrder, "10.00", paidAt).getBytes(StandardCharsets.UTF_8));
        noHeaders.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        records.add(noHeaders);
        sent.add(new Sent("no CloudEvents headers", noHeadersOrder, true, "Not a CloudEvents 1.0 record", false));
        records.add(withId("schema violation", member, "OrderPaid",
                json(OrderSystem.orderPaidJson(member, "H-" + tag + "-NO-AMOUNT", "10.00", paidAt)
                        .replaceFirst("\"amount\":\\{[^}]*},", "")), paidAt, "violates its schema", false));
        records.add(withId("unknown type", member, "OrderTeleported",
                json(OrderSystem.orderPaidJson(member, "H-" + tag + "-TELEPORTED", "10.00", paidAt)), paidAt,
                "Unknown ce_type", false));
        records.add(withId("negative amount", member, "OrderPaid",
                json(OrderSystem.orderPaidJson(member, "H-" + tag + "-NEGATIVE", "-5.00", paidAt)), paidAt,
                "is negative", false));
        records.add(withId("40-digit amount", member, "OrderPaid",
                json(OrderSystem.orderPaidJson(member, "H-" + tag + "-ABSURD", "1234567890123456789012345678901234567890", paidAt)),
                paidAt, "integer digits", false));
        records.add(withId("over-precise amount", member, "OrderPaid",
                json(OrderSystem.orderPaidJson(member, "H-" + tag + "-PRECISE", "10.001", paidAt)), paidAt,
                "decimals for CNY", false));
        String oddMember = "M " + tag + "/x";
        records.add(withId("odd member id", oddMember, "OrderPaid",
                json(OrderSystem.orderPaidJson(oddMember, "H-" + tag + "-ODD", "10.00", paidAt)), paidAt, "memberId", false));
        records.add(withId("record at the size limit", member, "OrderPaid",
                ("{\"orderId\":\"" + "x".repeat(1_044_000)).getBytes(StandardCharsets.UTF_8), paidAt, null, true));
        return records;
    }

    private ProducerRecord<String, byte[]> withId(
            String kind, String member, String type, byte[] body, Instant time, String reason, boolean oversize) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDER_PAID, member, body);
        Map<String, String> headers = OrderSystem.headers(id, type, member, time);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        sent.add(new Sent(kind, id, false, reason, oversize));
        return record;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
