package com.loyaltysuite.support.timers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which handler fires each kind of timer a service sets. A service declares one, as a bean, beside its
 * timer kinds:
 *
 * <pre>{@code
 * @Bean
 * DueTimerRoutes pointsTimers(CommandGateway commands) {
 *     return DueTimerRoutes.builder()
 *             .on(EXPIRY, (member, dueAt, due) -> commands.sendAndWait(new ExpireDuePoints(member, dueAt)))
 *             .build();
 * }
 * }</pre>
 */
public final class DueTimerRoutes {

    private final Map<String, Route<?>> byName;

    private DueTimerRoutes(Map<String, Route<?>> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Route<?>> route(String kindName) {
        return Optional.ofNullable(byName.get(kindName));
    }

    Map<String, Route<?>> routes() {
        return byName;
    }

    record Route<P>(TimerKind<P> kind, TimerHandler<P> handler) {}

    public static final class Builder {

        private final Map<String, Route<?>> byName = new LinkedHashMap<>();

        private Builder() {}

        public <P> Builder on(TimerKind<P> kind, TimerHandler<P> handler) {
            if (byName.putIfAbsent(kind.name(), new Route<>(kind, handler)) != null) {
                throw new IllegalArgumentException("Two handlers for timer kind " + kind.name());
            }
            return this;
        }

        public DueTimerRoutes build() {
            return new DueTimerRoutes(byName);
        }
    }
}
