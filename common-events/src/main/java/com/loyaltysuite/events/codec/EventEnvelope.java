package com.loyaltysuite.events.codec;

import com.loyaltysuite.events.IntegrationEvent;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An event with its CloudEvents attributes. {@code id} is the event id consumers deduplicate on;
 * {@code time} is when the event was recorded; the subject is always the member id.
 */
public record EventEnvelope<T extends IntegrationEvent>(String id, URI source, OffsetDateTime time, T data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    public EventType type() {
        return EventType.of(data.getClass());
    }

    public String subject() {
        return data.memberId().value();
    }
}
