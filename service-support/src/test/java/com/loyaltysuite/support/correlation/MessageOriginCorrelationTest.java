package com.loyaltysuite.support.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;

class MessageOriginCorrelationTest {

    private final MessageOriginCorrelation correlation = new MessageOriginCorrelation();

    @Test
    void aCommandPassesOnItsIdAndTheTraceItCarries() {
        var command = new GenericCommandMessage<>("pay").andMetaData(MetaData.with("traceId", "trace-1"));

        assertThat(correlation.correlationDataFor(command))
                .isEqualTo(Map.of("correlationId", command.getIdentifier(), "traceId", "trace-1"));
    }

    @Test
    void aCommandWithoutATraceStartsOneAtItself() {
        var command = new GenericCommandMessage<>("pay");

        assertThat(correlation.correlationDataFor(command))
                .isEqualTo(Map.of("correlationId", command.getIdentifier(), "traceId", command.getIdentifier()));
    }

    @Test
    void aStoredEventPassesOnItsIdWithoutItsMetadataBeingRead() {
        // Stored metadata that cannot be read: reading it throws.
        var entry = new GenericDomainEventEntry<>(
                "Account", "member-1", 0, "event-1", Instant.parse("2026-12-05T10:00:00Z"), String.class.getName(), null,
                "\"paid\"".getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8));
        DomainEventMessage<?> event = EventStreamUtils.upcastAndDeserializeDomainEvents(
                        Stream.of(entry), JacksonSerializer.defaultSerializer(), NoOpEventUpcaster.INSTANCE)
                .next();

        assertThat(correlation.correlationDataFor(event)).isEqualTo(Map.of("correlationId", "event-1"));
        assertThatThrownBy(() -> new MessageOriginProvider().correlationDataFor(event))
                .isInstanceOf(SerializationException.class);
    }
}
