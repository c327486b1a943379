package com.loyaltysuite.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class ImmutableValuesTest {

    enum Kind {
        EARN
    }

    record Amount(BigDecimal value, String currency) {}

    private record Plain(String id, long points, Kind kind, Instant at, ZoneId zone, Amount amount) {}

    record WithList(String id, List<Amount> amounts) {}

    record WithArray(String id, byte[] bytes) {}

    record WithObject(Object value) {}

    record Chain(String id, Chain next) {}

    static final class Counter {
        int count;
    }

    @Test
    void recordsOfValuesAreImmutable() {
        assertThat(ImmutableValues.isImmutable(new Plain(
                        "p", 1, Kind.EARN, Instant.EPOCH, ZoneId.of("Europe/Berlin"), new Amount(BigDecimal.ONE, "EUR"))))
                .isTrue();
        assertThat(ImmutableValues.isImmutable(new Chain("a", new Chain("b", null)))).isTrue();
        assertThat(ImmutableValues.isImmutable(null)).isTrue();
    }

    @Test
    void aListIsImmutableOnlyAsOneOfTheJdksUnmodifiableCollectionsOfImmutableValues() {
        Amount euro = new Amount(BigDecimal.TEN, "EUR");
        assertThat(ImmutableValues.isImmutable(new WithList("l", List.of()))).isTrue();
        assertThat(ImmutableValues.isImmutable(new WithList("l", List.of(euro)))).isTrue();
        assertThat(ImmutableValues.isImmutable(new WithList("l", List.copyOf(List.of(euro, euro, euro)))))
                .isTrue();
        assertThat(ImmutableValues.isImmutable(new WithList("l", new ArrayList<>(List.of(euro))))).isFalse();
        assertThat(ImmutableValues.isImmutable(new WithList("l", Collections.unmodifiableList(new ArrayList<>()))))
                .isFalse();
        assertThat(ImmutableValues.isImmutable(new WithObject(List.of(new Counter())))).isFalse();
        assertThat(ImmutableValues.isImmutable(Set.of("a"))).isTrue();
        assertThat(ImmutableValues.isImmutable(Map.of("a", List.of(1)))).isTrue();
        assertThat(ImmutableValues.isImmutable(Map.of("a", new ArrayList<>()))).isFalse();
    }

    @Test
    void arraysOrdinaryClassesAndMutableValuesAreNot() {
        assertThat(ImmutableValues.isImmutable(new WithArray("a", new byte[] {1}))).isFalse();
        assertThat(ImmutableValues.isImmutable(new Counter())).isFalse();
        assertThat(ImmutableValues.isImmutable(new WithObject(new HashMap<>()))).isFalse();
        assertThat(ImmutableValues.isImmutable(new WithObject("text"))).isTrue();
        assertThat(ImmutableValues.isImmutable(new BigDecimal("1") {})).isFalse();
    }

    @Test
    void metadataIsImmutableWhenItsValuesAre() {
        assertThat(ImmutableValues.isImmutable(MetaData.with("traceId", "t").and("n", 1))).isTrue();
        assertThat(ImmutableValues.isImmutable(MetaData.with("list", new ArrayList<>()))).isFalse();
    }

    @Test
    void aStructureDeeperThanAnyEventIsNotWalkedToTheEnd() {
        Chain deep = null;
        for (int i = 0; i < 100; i++) {
            deep = new Chain("c" + i, deep);
        }
        assertThat(ImmutableValues.isImmutable(deep)).isFalse();
    }
}
