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

        Registration<T> followedBy(Runnable after) {
            return new Registration<>(type, reaction, (event, eventId) -> {
                Outcome outcome = handler.handle(event, eventId);
                after.run();
                return outcome;
            });
        }
    }

    public static final class Builder {

        private final Map<String, Registration<?>> byCeType = new LinkedHashMap<>();
        private boolean transactionPerRecord;
        private Runnable afterEach;

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

        /**
         * Runs after each record's handler, inside the batch's transaction (e.g. to write and let go of
         * what the handler loaded, so that a batch of hundreds does not keep it all managed).
         */
        public Builder afterEach(Runnable afterEach) {
            this.afterEach = afterEach;
            return this;
        }

        public InboundHandlers build() {
            if (afterEach == null) {
                return new InboundHandlers(byCeType, transactionPerRecord);
            }
            Map<String, Registration<?>> wrapped = new LinkedHashMap<>();
            byCeType.forEach((ceType, registration) -> wrapped.put(ceType, registration.followedBy(afterEach)));
            return new InboundHandlers(wrapped, transactionPerRecord);
        }
    }
}
