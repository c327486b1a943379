package com.loyaltysuite.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The event serializer that reads each stored event once per service, over Axon's Jackson serializer. */
class CachingEventSerializerTest {

    record Amount(BigDecimal value, String currency) {}

    /** Like most stored events: values, a nested record, a list copied by the constructor. */
    record Earned(String memberId, long points, Amount amount, Instant at, List<String> causationIds) {
        Earned {
            causationIds = List.copyOf(causationIds);
        }
    }

    /** Like the points events that keep the list Jackson made. */
    record Drawn(String memberId, List<String> lots) {}

    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    final JacksonSerializer jackson =
            JacksonSerializer.builder().objectMapper(json).build();
    final MeterRegistry meters = new SimpleMeterRegistry();
    final CachingEventSerializer serializer = new CachingEventSerializer(jackson, 3, meters);

    @Test
    void readsStoredBytesAsItsDelegateDoes() {
        Earned event = earned("m-1");
        SerializedObject<byte[]> stored = jackson.serialize(event, byte[].class);

        Earned read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(jackson.<byte[], Earned>deserialize(stored)).isEqualTo(event);
    }

    @Test
    void equalBytesOfTheSameTypeAreReadOnceAndShared() {
        SerializedObject<byte[]> stored = jackson.serialize(earned("m-1"), byte[].class);
        // Each processor reads the row into an array of its own.
        SerializedObject<byte[]> readAgain = copyOf(stored);

        Earned first = serializer.deserialize(stored);
        Earned second = serializer.deserialize(readAgain);

        assertThat(second).isSameAs(first);
        assertThat(gets("hit")).isEqualTo(1.0);
        assertThat(gets("miss")).isEqualTo(1.0);
        assertThat(meters.get("loyalty.events.deserialized.cache.hit.ratio").gauge().value())
                .isEqualTo(0.5);
    }

    @Test
    void theSameBytesUnderAnotherRevisionAreReadAgain() {
        SerializedObject<byte[]> stored = jackson.serialize(earned("m-1"), byte[].class);
        SerializedObject<byte[]> revised = new SimpleSerializedObject<>(
                stored.getData().clone(), byte[].class, new SimpleSerializedType(stored.getType().getName(), "2"));

        Earned first = serializer.deserialize(stored);
        Earned second = serializer.deserialize(revised);

        assertThat(second).isEqualTo(first).isNotSameAs(first);
        assertThat(gets("miss")).isEqualTo(2.0);
    }

    @Test
    void keepsAtMostItsSizeOldestReadOutFirst() {
        List<SerializedObject<byte[]>> stored = List.of(
                jackson.serialize(earned("m-1"), byte[].class),
                jackson.serialize(earned("m-2"), byte[].class),
                jackson.serialize(earned("m-3"), byte[].class),
                jackson.serialize(earned("m-4"), byte[].class));
        Earned oldest = serializer.deserialize(stored.get(0));
        stored.subList(1, 4).forEach(serializer::deserialize);

        assertThat(serializer.cachedCount()).isEqualTo(3);
        assertThat(meters.get("loyalty.events.deserialized.cache.evictions").functionCounter().count())
                .isEqualTo(1.0);
        Earned newest = serializer.deserialize(copyOf(stored.get(3)));
        Earned oldestAgain = serializer.deserialize(copyOf(stored.get(0)));
        assertThat(gets("hit")).isEqualTo(1.0);
        assertThat(newest).isEqualTo(earned("m-4"));
        assertThat(oldestAgain).isEqualTo(oldest).isNotSameAs(oldest);
    }

    @Test
    void aTypeThatCanHoldMutableValuesIsNeverShared() {
        SerializedObject<byte[]> stored =
                jackson.serialize(new Drawn("m-1", List.of("lot-1", "lot-2")), byte[].class);

        Drawn first = serializer.deserialize(stored);
        Drawn second = serializer.deserialize(copyOf(stored));

        assertThat(first.lots()).isInstanceOf(ArrayList.class);
        assertThat(second).isEqualTo(first).isNotSameAs(first);
        assertThat(serializer.cachedCount()).isZero();
        // Looked up once, then known to be mutable and read directly.
        assertThat(gets("miss")).isEqualTo(1.0);
        assertThat(meters.get("loyalty.events.deserialized.uncached").counter().count())
                .isEqualTo(2.0);
    }

    @Test
    void metadataOfPlainValuesIsSharedAndMetadataHoldingCollectionsIsNot() {
        SerializedObject<byte[]> plain =
                jackson.serialize(MetaData.with("traceId", "t-1").and("attempt", 2), byte[].class);
        MetaData first = serializer.deserialize(plain);
        assertThat(serializer.<byte[], MetaData>deserialize(copyOf(plain))).isSameAs(first);
        assertThat(first).containsEntry("traceId", "t-1");

        CachingEventSerializer other = new CachingEventSerializer(jackson, 3, new SimpleMeterRegistry());
        SerializedObject<byte[]> nested =
                jackson.serialize(MetaData.with("tags", List.of("a", "b")), byte[].class);
        MetaData withList = other.deserialize(nested);
        assertThat(other.<byte[], MetaData>deserialize(copyOf(nested)))
                .isEqualTo(withList)
                .isNotSameAs(withList);
    }

    @Test
    void dataThatIsNotBytesGoesToTheDelegateEveryTime() {
        SerializedObject<byte[]> stored = jackson.serialize(earned("m-1"), byte[].class);
        SerializedObject<String> asText = new SimpleSerializedObject<>(
                new String(stored.getData(), StandardCharsets.UTF_8), String.class, stored.getType());
        SerializedObject<JsonNode> upcast = jackson.getConverter().convert(stored, JsonNode.class);

        Earned fromText = serializer.deserialize(asText);
        Earned fromTextAgain = serializer.deserialize(asText);
        Earned fromNode = serializer.deserialize(upcast);

        assertThat(fromTextAgain).isEqualTo(fromText).isNotSameAs(fromText);
        assertThat(fromNode).isEqualTo(jackson.<JsonNode, Earned>deserialize(upcast));
        assertThat(gets("hit") + gets("miss")).isZero();
        assertThat(serializer.cachedCount()).isZero();
    }

    @Test
    void serializingCachesNothing() {
        Earned event = earned("m-1");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        Earned read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(event).isNotSameAs(event);
        assertThat(gets("miss")).isEqualTo(1.0);
        assertThat(serializer.typeForClass(Earned.class)).isEqualTo(jackson.typeForClass(Earned.class));
        assertThat(serializer.classForType(stored.getType())).isEqualTo(Earned.class);
        assertThat(serializer.getConverter()).isSameAs(jackson.getConverter());
    }

    @Test
    void sizeZeroKeepsNothing() {
        CachingEventSerializer off = new CachingEventSerializer(jackson, 0, new SimpleMeterRegistry());
        SerializedObject<byte[]> stored = jackson.serialize(earned("m-1"), byte[].class);

        Earned first = off.deserialize(stored);

        assertThat(off.<byte[], Earned>deserialize(copyOf(stored))).isEqualTo(first).isNotSameAs(first);
        assertThat(off.cachedCount()).isZero();
    }

    private double gets(String result) {
        return meters.get("loyalty.events.deserialized.cache.gets")
                .tags("result", result)
                .functionCounter()
                .count();
    }

    private static Earned earned(String memberId) {
        return new Earned(
                memberId,
                120,
                new Amount(new BigDecimal("12.50"), "EUR"),
                Instant.parse("2026-03-01T10:15:30Z"),
                new ArrayList<>(List.of("c-1", "c-2")));
    }

    private static SerializedObject<byte[]> copyOf(SerializedObject<byte[]> stored) {
        return new SimpleSerializedObject<>(stored.getData().clone(), byte[].class, stored.getType());
    }
}
