package com.loyaltysuite.notification.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every trigger, by name: to write a message kept in the delivery log when it is sent or resumed. */
@Component
public class Triggers {

    private final Map<String, Trigger> byName;

    Triggers(List<Trigger> triggers, PointsAlerts points) {
        this.byName = java.util.stream.Stream.concat(triggers.stream(), java.util.Arrays.stream(points.triggers()))
                .collect(Collectors.toMap(Trigger::name, Function.identity()));
    }

    public Optional<Trigger> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
