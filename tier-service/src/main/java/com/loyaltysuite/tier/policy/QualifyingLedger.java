package com.loyaltysuite.tier.policy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's qualifying orders, each at its own business time, so the qualifying value of any window
 * can be counted at any instant: a late or back-dated order counts in the window it belongs to.
 * Part of a member tier's snapshot, which Jackson writes and reads field by field.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class QualifyingLedger {

    private final Map<String, QualifyingEntry> entries = new LinkedHashMap<>();

    public QualifyingLedger() {}

    public QualifyingLedger(List<QualifyingEntry> entries) {
        entries.forEach(this::add);
    }

    public void add(QualifyingEntry entry) {
        entries.put(entry.orderId(), entry);
    }

    public boolean contains(String orderId) {
        return entries.containsKey(orderId);
    }

    public Optional<QualifyingEntry> entry(String orderId) {
        return Optional.ofNullable(entries.get(orderId));
    }

    /** Lowers an order's value by a refund (not below zero); returns by how much it was lowered. */
    public BigDecimal reduce(String orderId, BigDecimal amount, String causationId) {
        QualifyingEntry before = entries.get(orderId);
        QualifyingEntry after = before.reducedBy(amount, causationId);
        entries.put(orderId, after);
        return before.value().subtract(after.value());
    }

    /** Entries by business time, then in the order they were recorded. */
    public List<QualifyingEntry> entries() {
        List<QualifyingEntry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing(QualifyingEntry::at));
        return sorted;
    }

    public BigDecimal valueIn(Window window) {
        return entries.values().stream()
                .filter(entry -> window.contains(entry.at()))
                .map(QualifyingEntry::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The ids of the events counted in {@code window}: the decision's causes. */
    public List<String> causationIdsIn(Window window) {
        return entries().stream()
                .filter(entry -> window.contains(entry.at()))
                .flatMap(entry -> entry.causationIds().stream())
                .toList();
    }

    /** Business times of the entries at or after {@code from}, ascending. */
    List<Instant> timesFrom(Instant from) {
        return entries().stream().map(QualifyingEntry::at).filter(at -> !at.isBefore(from)).distinct().toList();
    }
}
