package com.loyaltysuite.support.messaging;

import com.loyaltysuite.events.IntegrationEvent;

/** Applies one kind of inbound event; runs inside the unit of work of its poll batch. */
@FunctionalInterface
public interface InboundHandler<T extends IntegrationEvent> {

    /**
     * @param event the decoded, schema-valid event
     * @param eventId its CloudEvent id, to record as the causation id of what it causes
     */
    Outcome handle(T event, String eventId);
}
