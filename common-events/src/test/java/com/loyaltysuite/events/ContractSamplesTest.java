package com.loyaltysuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventJson;
import com.loyaltysuite.events.codec.EventSchemas;
import com.loyaltysuite.events.codec.EventType;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every event type ships a schema and a sample; the sample is valid and survives a round trip. */
class ContractSamplesTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleIsValidAgainstItsSchema(EventType type) throws IOException {
        assertThat(EventSchemas.violations(type, sample(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleRoundTripsThroughTheRecord(EventType type) throws IOException {
        JsonNode sample = sample(type);

        IntegrationEvent event = CloudEventCodec.parseData(type, EventJson.mapper().writeValueAsBytes(sample));
        JsonNode written = EventJson.mapper().readTree(CloudEventCodec.toJson(event));

        assertThat(event).isInstanceOf(type.javaType());
        assertThat(written).isEqualTo(sample);
        assertThat(EventSchemas.violations(type, written)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaAndSampleNameTheSameFieldsAsTheRecord(EventType type) throws IOException {
        var recordFields = java.util.Arrays.stream(type.javaType().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)
                .toList();
        JsonNode schemaProperties = resource(type.schemaResource()).get("properties");

        assertThat(schemaProperties.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(recordFields);
        assertThat(sample(type).fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(recordFields);
    }

    static JsonNode sample(EventType type) throws IOException {
        return resource("/samples/v1/" + type.ceType() + ".json");
    }

    static JsonNode resource(String path) throws IOException {
        try (InputStream in = ContractSamplesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return EventJson.mapper().readTree(in);
        }
    }
}
