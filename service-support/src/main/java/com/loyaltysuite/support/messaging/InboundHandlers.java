package com.loyaltysuite.support.messaging;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.EventType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a listener does with each event type it consumes, keyed by {@code ce_type}: records of other
 * types are passed over before they are decoded. Each registration names its reaction (e.g.
 * {@code earning}); the inbox deduplicates per reaction, so a reaction keeps its name for good.
 */
public final class InboundHandlers {

    private final Map<String, Registration<?>> byCeType;
    private final boolean transactionPerRecord;

    private InboundHandlers(Map<String, Registration<?>> byCeType, boolean transactionPerRecord) {
        this.byCeType = Map.copyOf(byCeType);
        this.transactionPerRecord = transactionPerRecord;
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Registration<?>> forCeType(String ceType) {
        return Optional.ofNullable(byCeType.get(ceType));
    }

    /** True when a handler has effects outside the database (a mail) that a batch rollback cannot undo. */
    boolean transactionPerRecord() {
        return transactionPerRecord;
    }

    record Registration<T extends IntegrationEvent>(Class<T> type, String reaction, InboundHandler<T> handler) {

        Outcome apply(IntegrationEvent event, String eventId) {
            return handler.handle(type.cast(event), eventId);
        }
    }

    public static final class Builder {

        private final Map<String, Registration<?>> byCeType = new LinkedHashMap<>();
        private boolean transactionPerRecord;

        private Builder() {}

        public <T extends IntegrationEvent> Builder on(Class<T> type, String reaction, InboundHandler<T> handler) {
            String ceType = EventType.of(type).ceType();
            if (byCeType.putIfAbsent(ceType, new Registration<>(type, reaction, handler)) != null) {
                throw new IllegalArgumentException("Two handlers for " + ceType);
            }
            return this;
        }

        /**
         * Applies each record in a transaction of its own instead of one per poll batch: for handlers
         * whose effects reach outside the database (an email), which a failed batch could not take back
         * before it is retried record by record.
         */
        public Builder transactionPerRecord() {
            this.transactionPerRecord = true;
            return this;
        }

        public InboundHandlers build() {
            return new InboundHandlers(byCeType, transactionPerRecord);
        }
    }
}
