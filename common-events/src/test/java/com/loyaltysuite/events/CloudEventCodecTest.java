package com.loyaltysuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.codec.InvalidEventException;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    static final TierChanged PROMOTION = new TierChanged(
            MemberId.of("M-7"),
            "default",
            "MEMBER",
            "SILVER",
            TierChangeReason.QUALIFIED,
            new QualifyingValue(new BigDecimal("599.00"), "CNY"),
            "ladder-v1",
            Instant.parse("2026-11-23T10:00:00Z"),
            Instant.parse("2027-11-23T10:00:00Z"),
            List.of("evt-1"));

    @Test
    void writesBinaryModeHeadersKeyedByMember() {
        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(envelope(PROMOTION));

        Map<String, String> headers = headers(record.headers());
        assertThat(record.topic()).isEqualTo(Topics.TIERS);
        assertThat(record.key()).isEqualTo("M-7");
        assertThat(headers)
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", "evt-42")
                .containsEntry("ce_type", "TierChanged")
                .containsEntry("ce_source", "/loyalty/tier-service")
                .containsEntry("ce_subject", "M-7")
                .containsEntry("content-type", "application/json")
                .containsKey("ce_time");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"qualifyingValue\":{\"value\":\"599.00\"");
    }

    @Test
    void readsBackWhatItWrote() {
        ProducerRecord<String, byte[]> written = CloudEventCodec.toRecord(envelope(PROMOTION));

        EventEnvelope<IntegrationEvent> read = CloudEventCodec.fromRecord(asConsumed(written));

        assertThat(read.id()).isEqualTo("evt-42");
        assertThat(read.source()).isEqualTo(URI.create("/loyalty/tier-service"));
        assertThat(read.data()).isEqualTo(PROMOTION);
    }

    @Test
    void readsTheOrderSystemsRecordAsPublished() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes("a3f1"));
        headers.add("ce_type", bytes("OrderPaid"));
        headers.add("ce_source", bytes("/order-system"));
        headers.add("ce_subject", bytes("M-1"));
        headers.add("ce_time", bytes("2026-11-23T10:00:00Z"));
        headers.add("content-type", bytes("application/json"));
        var record = consumed(Topics.ORDER_PAID, "M-1", headers, SchemaRejectionTest.ORDER_SYSTEM_ORDER_PAID);

        EventEnvelope<IntegrationEvent> read = CloudEventCodec.fromRecord(record);

        assertThat(read.id()).isEqualTo("a3f1");
        assertThat(read.data()).isInstanceOfSatisfying(com.loyaltysuite.events.order.OrderPaid.class, paid -> {
            assertThat(paid.memberId()).isEqualTo(MemberId.of("M-1"));
            assertThat(paid.paidAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        });
    }

    @Test
    void rejectsARecordWithoutCloudEventsHeaders() {
        var record = consumed(Topics.ORDER_PAID, "M-1", new RecordHeaders(), SchemaRejectionTest.ORDER_SYSTEM_ORDER_PAID);

        assertThatThrownBy(() -> CloudEventCodec.fromRecord(record)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void rejectsAnUnknownType() {
        ProducerRecord<String, byte[]> written = CloudEventCodec.toRecord(envelope(PROMOTION));
        written.headers().remove("ce_type");
        written.headers().add("ce_type", bytes("TierChangedd"));

        assertThatThrownBy(() -> CloudEventCodec.fromRecord(asConsumed(written)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("Unknown ce_type 'TierChangedd'");
    }

    @Test
    void rejectsAKeyThatIsNotTheMember() {
        ProducerRecord<String, byte[]> written = CloudEventCodec.toRecord(envelope(PROMOTION));
        var wrongKey = new ProducerRecord<>(written.topic(), null, "M-8", written.value(), written.headers());

        assertThatThrownBy(() -> CloudEventCodec.fromRecord(asConsumed(wrongKey)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("record key 'M-8'");
    }

    static EventEnvelope<TierChanged> envelope(TierChanged event) {
        return new EventEnvelope<>(
                "evt-42", URI.create("/loyalty/tier-service"), OffsetDateTime.parse("2026-11-23T10:00:01Z"), event);
    }

    static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(
                record.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, 0, record.value().length, record.key(),
                record.value(), record.headers(), java.util.Optional.empty());
    }

    static ConsumerRecord<String, byte[]> consumed(String topic, String key, RecordHeaders headers, String json) {
        byte[] value = bytes(json);
        return new ConsumerRecord<>(
                topic, 0, 0L, 0L, TimestampType.CREATE_TIME, 0, value.length, key, value, headers,
                java.util.Optional.empty());
    }

    static Map<String, String> headers(Iterable<Header> headers) {
        return StreamSupport.stream(headers.spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
