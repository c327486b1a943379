package com.loyaltysuite.support.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Keeps stored events loadable after their class was renamed or moved to another package: the event
 * store holds each event's class name, so an event recorded as {@code ...account.PointsEarned} is read
 * as the class that now stands for it. Only the name changes (payload and revision stay); a change of
 * fields needs an upcaster of its own. Declared once per service, as a bean, which Axon adds to the
 * upcaster chain of the event store; names are never removed from it while old events exist.
 */
public final class RenamedEvents extends SingleEventUpcaster {

    private final Map<String, String> currentByOldName;

    private RenamedEvents(Map<String, String> currentByOldName) {
        this.currentByOldName = Map.copyOf(currentByOldName);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return currentByOldName.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        var renamed = new SimpleSerializedType(
                currentByOldName.get(event.getType().getName()), event.getType().getRevision());
        return sameData(event, renamed, event.getData().getContentType());
    }

    private static <T> IntermediateEventRepresentation sameData(
            IntermediateEventRepresentation event, SerializedType renamed, Class<T> contentType) {
        return event.upcastPayload(renamed, contentType, Function.identity());
    }

    public static final class Builder {

        private final Map<String, String> currentByOldName = new LinkedHashMap<>();

        private Builder() {}

        public Builder renamed(String oldFullyQualifiedName, Class<?> current) {
            if (oldFullyQualifiedName.equals(current.getName())) {
                throw new IllegalArgumentException(current.getName() + " was not renamed");
            }
            if (currentByOldName.putIfAbsent(oldFullyQualifiedName, current.getName()) != null) {
                throw new IllegalArgumentException(oldFullyQualifiedName + " is renamed twice");
            }
            return this;
        }

        public RenamedEvents build() {
            return new RenamedEvents(currentByOldName);
        }
    }
}
