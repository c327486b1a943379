package com.loyaltysuite.points.standing;

import com.loyaltysuite.events.member.MemberStatus;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What a member's status (from member-service) means for the account. Plain Java, no I/O.
 * <ul>
 *   <li>An order earns only if the member was {@code ACTIVE} when it was paid (the status in force at
 *       {@code paidAt}, like the tier) and the membership is not closed; otherwise its points are
 *       withheld, shown as such on the balance and the ledger.
 *   <li>Unfreezing decides the points withheld while frozen as {@link StandingProperties#onUnfreeze()}
 *       says, decided once at unfreezing: {@code RELEASE} pays them as ordinary earnings (pending period
 *       and expiry as decided when the order was paid), the freeze being a hold while a case is looked
 *       at; {@code FORFEIT} drops them, the freeze being a penalty. A late order of the frozen time that
 *       arrives after the member was unfrozen is released or forfeited at once.
 *   <li>Only an {@code ACTIVE} member redeems.
 *   <li>Closing ends the points as {@link StandingProperties#onClose()} says, decided once at closing.
 * </ul>
 */
@Component
@EnableConfigurationProperties(StandingProperties.class)
public class MemberStanding {

    private final StandingProperties rules;

    public MemberStanding(StandingProperties rules) {
        this.rules = rules;
    }

    /** The status in force at {@code at}: the latest change effective at or before it; ACTIVE before any. */
    public static MemberStatus statusAt(NavigableMap<Instant, MemberStatus> history, Instant at) {
        var entry = history.floorEntry(at);
        return entry == null ? MemberStatus.ACTIVE : entry.getValue();
    }

    /** The status now: the latest change recorded. */
    public static MemberStatus current(NavigableMap<Instant, MemberStatus> history) {
        return history.isEmpty() ? MemberStatus.ACTIVE : history.lastEntry().getValue();
    }

    /** Whether an order paid at {@code paidAt} earns now, or is withheld. */
    public static boolean earns(NavigableMap<Instant, MemberStatus> history, Instant paidAt) {
        return statusAt(history, paidAt) == MemberStatus.ACTIVE && current(history) != MemberStatus.CLOSED;
    }

    /** Whether a change from {@code before} to {@code after} unfreezes the member: withheld points are decided. */
    public static boolean unfreezes(MemberStatus before, MemberStatus after) {
        return before == MemberStatus.FROZEN && after == MemberStatus.ACTIVE;
    }

    /** When a member frozen at {@code paidAt} and active now was unfrozen: the first change to ACTIVE after it. */
    public static Instant unfrozenAfter(NavigableMap<Instant, MemberStatus> history, Instant paidAt) {
        return history.tailMap(paidAt, false).entrySet().stream()
                .filter(e -> e.getValue() == MemberStatus.ACTIVE)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(paidAt);
    }

    /** Whether unfreezing drops the points withheld while frozen instead of paying them. */
    public boolean forfeitsOnUnfreeze() {
        return rules.onUnfreeze() == StandingProperties.OnUnfreeze.FORFEIT;
    }

    /** Whether closing the membership takes every point away. */
    public boolean forfeitsOnClose() {
        return rules.onClose() == StandingProperties.OnClose.EXPIRE_ALL;
    }
}
