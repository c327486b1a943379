package com.loyaltysuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.loyaltysuite.events.codec.EventType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Within a major version schemas change additively only. The baseline under
 * {@code src/test/resources/schema-baseline/v1} is the published v1 contract; a change that removes
 * a field, changes a type, narrows an enum or adds a required field fails here and needs a v2 topic.
 * After an additive change, copy the new schema over its baseline.
 */
class SchemaCompatibilityTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void currentSchemaOnlyAddsToTheBaseline(EventType type) throws Exception {
        JsonNode baseline = ContractSamplesTest.resource("/schema-baseline/v1/" + type.ceType() + ".schema.json");
        JsonNode current = ContractSamplesTest.resource(type.schemaResource());

        assertThat(breakingChanges("$", baseline, current)).isEmpty();
    }

    static List<String> breakingChanges(String path, JsonNode before, JsonNode after) {
        List<String> problems = new ArrayList<>();
        if (!before.path("type").equals(after.path("type"))) {
            problems.add(path + ": type changed from " + before.path("type") + " to " + after.path("type"));
        }
        Set<String> requiredBefore = texts(before.path("required"));
        Set<String> requiredAfter = texts(after.path("required"));
        requiredAfter.removeAll(requiredBefore);
        requiredAfter.forEach(field -> problems.add(path + "." + field + ": newly required"));
        if (before.has("enum") && !texts(after.path("enum")).containsAll(texts(before.path("enum")))) {
            problems.add(path + ": enum lost values");
        }
        if (!before.path("pattern").equals(after.path("pattern")) && before.has("pattern")) {
            problems.add(path + ": pattern changed");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = before.path("properties").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode now = after.path("properties").get(field.getKey());
            if (now == null) {
                problems.add(path + "." + field.getKey() + ": removed");
            } else {
                problems.addAll(breakingChanges(path + "." + field.getKey(), field.getValue(), now));
            }
        }
        if (before.has("items")) {
            problems.addAll(breakingChanges(path + "[]", before.get("items"), after.path("items")));
        }
        return problems;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
