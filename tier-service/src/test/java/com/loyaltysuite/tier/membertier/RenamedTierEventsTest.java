package com.loyaltysuite.tier.membertier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.testsupport.aggregates.AggregateHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;

/**
 * Events a member's tier stored before its events were renamed still rebuild it. The resource holds
 * the events of {@link MemberTierSnapshotTest#history}'s commands exactly as the release before the
 * renames stored them (Axon's Jackson serializer as the service configures it: payload type,
 * revision and JSON), among them four {@code membertier.TierChanged}, now {@link TierInForceChanged}.
 */
class RenamedTierEventsTest {

    static final String RECORDED = "/stored-events/member-tier-events-before-renames.json";

    @Test
    void eventsStoredUnderTheirFormerNamesRebuildTheSameMemberTier() throws IOException {
        AggregateHarness<MemberTier> today = AggregateHarness.replaying(MemberTier.class, MemberTierSnapshotTest.policy());
        MemberTierSnapshotTest.history(today);

        List<DomainEventMessage<?>> stored = read(RenamedTierEvents.renames());
        MemberTier rebuilt = AggregateHarness.replay(MemberTier.class, stored);

        assertThat(stored).filteredOn(e -> e.getPayload() instanceof TierInForceChanged).hasSize(4);
        assertThat(rebuilt).usingRecursiveComparison().isEqualTo(today.load(MemberTierSnapshotTest.MEMBER.value()));
    }

    @Test
    void withoutTheRenamesTheFormerTierChangedWouldNotLoad() throws IOException {
        List<DomainEventMessage<?>> stored = read(NoOpEventUpcaster.INSTANCE);

        assertThat(stored).noneMatch(e -> e.getPayload() instanceof TierInForceChanged);
        assertThat(stored).filteredOn(e -> e.getPayloadType().getName().endsWith("UnknownSerializedType")).hasSize(4);
    }

    /**
     * Today's events are the same JSON as those recorded then; only the renamed type's name differs (and a
     * demotion's later, additive {@code toRegain}).
     */
    @Test
    void theCurrentCodeRecordsTheSameEventsUnderTheNewNames() throws IOException {
        AggregateHarness<MemberTier> today = AggregateHarness.replaying(MemberTier.class, MemberTierSnapshotTest.policy());
        List<Object> events = today.sendAll(MemberTierSnapshotTest.history(
                AggregateHarness.replaying(MemberTier.class, MemberTierSnapshotTest.policy())));
        List<String> recordedNow = new ArrayList<>();
        for (Object event : events) {
            if (!(event instanceof String)) {
                SerializedObject<String> json = AggregateHarness.serviceSerializer().serialize(event, String.class);
                // toRegain was added to demotions later (additive, absent from the recording): compared without it
                recordedNow.add(json.getType().getName() + " " + json.getData().replaceAll(",\"toRegain\":(null|\\{[^}]*})", ""));
            }
        }

        List<String> recordedThen = new ArrayList<>();
        for (JsonNode row : rows()) {
            String type = row.get("payloadType").asText().replace(".membertier.TierChanged", ".membertier.TierInForceChanged");
            recordedThen.add(type + " " + row.get("payload").asText());
        }
        assertThat(recordedNow).isEqualTo(recordedThen);
    }

    /** The recorded events as the event store hands them over: rows, through {@code upcasters}, deserialized. */
    private static List<DomainEventMessage<?>> read(EventUpcaster upcasters) throws IOException {
        var entries = StreamSupport.stream(rows().spliterator(), false)
                .map(row -> new GenericDomainEventEntry<>(
                        "MemberTier",
                        MemberTierSnapshotTest.MEMBER.value(),
                        row.get("sequenceNumber").asLong(),
                        "event-" + row.get("sequenceNumber").asLong(),
                        Instant.parse("2026-11-23T10:00:00Z"),
                        row.get("payloadType").asText(),
                        row.get("payloadRevision").isNull() ? null : row.get("payloadRevision").asText(),
                        row.get("payload").asText().getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8)));
        return EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                        entries, AggregateHarness.serviceSerializer(), upcasters))
                .<DomainEventMessage<?>>map(e -> e)
                .toList();
    }

    private static JsonNode rows() throws IOException {
        try (InputStream in = RenamedTierEventsTest.class.getResourceAsStream(RECORDED)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
