package com.loyaltysuite.support.timers;

import com.loyaltysuite.events.MemberId;
import java.util.Objects;

/**
 * A kind of durable timer and the type of its payload, e.g. {@code TimerKind.of("points-expiry",
 * ExpiryDue.class)}. The name is stored with every timer, so a kind keeps its name for good; the payload
 * is stored as JSON and handed back to the kind's handler as {@code P}.
 */
public record TimerKind<P>(String name, Class<P> payloadType) {

    public TimerKind {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadType, "payloadType");
        if (name.isBlank() || name.contains(":")) {
            throw new IllegalArgumentException("A timer kind's name is non-blank and has no ':' (it prefixes keys): " + name);
        }
    }

    public static <P> TimerKind<P> of(String name, Class<P> payloadType) {
        return new TimerKind<>(name, payloadType);
    }

    /**
     * The key of this kind's timer {@code id} for a member: setting the same key again replaces it. The
     * format {@code name:member:id} is stored data (services' migrations rewrite rows in it): never change it.
     */
    String key(MemberId member, String id) {
        return name + ":" + member.value() + ":" + id;
    }
}
