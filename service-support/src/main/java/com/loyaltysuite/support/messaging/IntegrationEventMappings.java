package com.loyaltysuite.support.messaging;

import com.loyaltysuite.events.IntegrationEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A service's contract mapping as a table: each internal event type that other services may see,
 * with the function that turns it into its contract event. Internal events not in the table stay
 * inside the service.
 *
 * <pre>{@code
 * IntegrationEventMappings.builder()
 *         .map(EarningRecorded.class, e -> new PointsEarned(...))
 *         .build();
 * }</pre>
 */
public final class IntegrationEventMappings implements IntegrationEventMapper {

    private final Map<Class<?>, Function<Object, ? extends IntegrationEvent>> byType;

    private IntegrationEventMappings(Map<Class<?>, Function<Object, ? extends IntegrationEvent>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<IntegrationEvent> toIntegrationEvent(Object axonEventPayload) {
        var mapping = byType.get(axonEventPayload.getClass());
        // A mapping answers null for an occurrence with nothing to tell (e.g. no points moved).
        return mapping == null ? Optional.empty() : Optional.ofNullable(mapping.apply(axonEventPayload));
    }

    public static final class Builder {

        private final Map<Class<?>, Function<Object, ? extends IntegrationEvent>> byType = new LinkedHashMap<>();

        private Builder() {}

        /** {@code toContract} may answer null when an occurrence of the event has nothing to publish. */
        public <E> Builder map(Class<E> internalEvent, Function<? super E, ? extends IntegrationEvent> toContract) {
            Function<Object, ? extends IntegrationEvent> typed = payload -> toContract.apply(internalEvent.cast(payload));
            if (byType.putIfAbsent(internalEvent, typed) != null) {
                throw new IllegalArgumentException("Two mappings for " + internalEvent.getName());
            }
            return this;
        }

        public IntegrationEventMappings build() {
            return new IntegrationEventMappings(byType);
        }
    }
}
