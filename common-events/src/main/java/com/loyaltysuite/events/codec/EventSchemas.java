package com.loyaltysuite.events.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON Schemas shipped in this jar, one per {@link EventType}. */
public final class EventSchemas {

    private static final Map<EventType, JsonSchema> SCHEMAS = load();

    private EventSchemas() {}

    /**
     * The violations of {@code data} against its type's schema, and of the order system's amounts
     * against {@link AmountRules}, each starting with the field's JSON path.
     */
    public static List<String> violations(EventType type, JsonNode data) {
        List<String> schema = SCHEMAS.get(type).validate(data).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
        List<String> amounts = AmountRules.violations(type, data);
        if (amounts.isEmpty()) {
            return schema;
        }
        List<String> all = new java.util.ArrayList<>(schema);
        all.addAll(amounts);
        return all;
    }

    public static JsonSchema schema(EventType type) {
        return SCHEMAS.get(type);
    }

    private static Map<EventType, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("No schema in the jar for " + type.ceType());
                }
                schemas.put(type, factory.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
