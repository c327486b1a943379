package com.loyaltysuite.support.correlation;

import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;

/**
 * What every message created while handling another carries in its metadata: Axon's message origin
 * ({@code correlationId}, the message being handled, and {@code traceId}, the first message of the
 * chain) for commands and queries, and only the {@code correlationId} for events.
 *
 * <p>Why not for events: a tracking processor reads its events back from the store, and Axon asks for
 * the correlation data of the event being handled whenever a message is made in its unit of work,
 * even the empty result of every handler call. Taking the trace from the event's metadata meant
 * deserializing the metadata of every stored event in every processor: 8-15 % of a projection's CPU in
 * a rebuild, for a value nothing reads. So a chain's trace restarts at an event handled by a processor
 * (a command a saga sends starts a new one); the {@code correlationId} still ties each message to the
 * one it came from.
 */
public final class MessageOriginCorrelation implements CorrelationDataProvider {

    private final MessageOriginProvider origin = new MessageOriginProvider();

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (message instanceof EventMessage<?>) {
            return Map.of(MessageOriginProvider.getDefaultCorrelationKey(), message.getIdentifier());
        }
        return origin.correlationDataFor(message);
    }
}
