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
 * The order system's part of prove-boards.sh, after the local run's demo traffic: what the demo does
 * not do, so that the boards' panels about it have something to show. Run as a single source file:
 * {@code java -cp kafka-clients.jar:slf4j-api.jar BoardsTraffic.java <bootstrap>}.
 *
 * <ul>
 *   <li>a refund of 李雷's last demo order: points reversed, his qualifying spend below 金牌's (projected
 *       tier 银牌, since a refund never demotes at once);
 *   <li>one order delivered twice with the same event id: the inbox skips the second (outcome duplicate);
 *   <li>a record without CloudEvents headers on the order and member topics: every service rejects it
 *       and dead-letters it (each of the five consumes one of those topics).
 * </ul>
 */
public class BoardsTraffic {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            Instant now = Instant.now();
            send(producer, event("orders.order-refunded.v1", "OrderRefunded", "demo-li-lei", UUID.randomUUID().toString(), now,
                    "{\"refundId\":\"BOARDS-R-1003\",\"orderId\":\"DEMO-1003\",\"memberId\":\"demo-li-lei\",\"programId\":\"default\","
                            + "\"amount\":{\"value\":\"1500.00\",\"currency\":\"CNY\"},\"refundedAt\":\"" + now + "\"}"));

            String twice = UUID.randomUUID().toString();
            String order = "{\"orderId\":\"BOARDS-4001\",\"memberId\":\"demo-wang-xiaoming\",\"programId\":\"default\","
                    + "\"amount\":{\"value\":\"50.00\",\"currency\":\"CNY\"},\"paidAt\":\"" + now + "\",\"channel\":\"APP\"}";
            send(producer, event("orders.order-paid.v1", "OrderPaid", "demo-wang-xiaoming", twice, now, order));
            send(producer, event("orders.order-paid.v1", "OrderPaid", "demo-wang-xiaoming", twice, now, order));

            for (String topic : new String[] {"orders.order-paid.v1", "loyalty.members.v1"}) {
                send(producer, new ProducerRecord<>(topic, "demo-li-lei", "not an event".getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static ProducerRecord<String, byte[]> event(String topic, String type, String member, String id, Instant time, String json) {
        var record = new ProducerRecord<>(topic, member, json.getBytes(StandardCharsets.UTF_8));
        Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", id,
                        "ce_type", type,
                        "ce_source", "/order-system",
                        "ce_subject", member,
                        "ce_time", time.toString(),
                        "content-type", "application/json")
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(record).get(30, TimeUnit.SECONDS);
        System.out.println("sent to " + record.topic() + ": " + new String(record.value(), StandardCharsets.UTF_8));
    }
}
