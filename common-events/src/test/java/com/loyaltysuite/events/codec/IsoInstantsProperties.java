package com.loyaltysuite.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast instant codec must write and read exactly what {@code DateTimeFormatter.ISO_INSTANT} does. */
class IsoInstantsProperties {

    /** The Java time module alone: what the suite wrote and read before. */
    private static final ObjectMapper JAVA_TIME = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Property
    void writesWhatTheFormatterWrites(@ForAll("instants") Instant instant) {
        assertThat(IsoInstants.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    @Property
    void readsBackWhatItWrites(@ForAll("instants") Instant instant) {
        assertThat(IsoInstants.parseCanonical(IsoInstants.format(instant))).isEqualTo(instant);
    }

    @Property
    void readsEveryFractionLengthAsTheFormatterDoes(@ForAll("instants") Instant instant, @ForAll("fractionDigits") int digits) {
        String seconds = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(instant.getEpochSecond()));
        String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
        String text = seconds.substring(0, 19) + (digits == 0 ? "" : "." + fraction) + "Z";

        assertThat(IsoInstants.parseCanonical(text)).isEqualTo(Instant.parse(text));
    }

    @Property
    void jsonIsTheSameAsTheJavaTimeModulesBothWays(@ForAll("instants") Instant instant) throws Exception {
        String ours = EventJson.mapper().writeValueAsString(List.of(instant));

        assertThat(ours).isEqualTo(JAVA_TIME.writeValueAsString(List.of(instant)));
        assertThat(EventJson.mapper().readValue(ours, Instant[].class)).containsExactly(instant);
    }

    @Example
    void leavesEveryOtherFormToTheFormatter() throws Exception {
        for (String other : List.of(
                "2026-12-05T10:15:30+08:00",
                "2026-12-05t10:15:30z",
                "+10000-01-01T00:00:00Z",
                "2026-12-05T23:59:60Z",
                "2026-12-05T10:15Z",
                "2026-12-05T10:15:30.Z",
                "2026-12-05T10:15:30.1234567890Z",
                "2026-02-30T10:15:30Z",
                "2026-13-05T10:15:30Z",
                "2026-12-05 10:15:30Z")) {
            assertThat(IsoInstants.parseCanonical(other)).as(other).isNull();
        }
        assertThat(IsoInstants.parse("2026-12-05T10:15:30+08:00")).isEqualTo(Instant.parse("2026-12-05T02:15:30Z"));
        assertThatThrownBy(() -> IsoInstants.parse("2026-02-30T10:15:30Z")).isInstanceOf(DateTimeException.class);
        // Through JSON, offsets and epoch seconds still read as the Java time module reads them.
        assertThat(EventJson.mapper().readValue("\"2026-12-05T10:15:30+08:00\"", Instant.class))
                .isEqualTo(JAVA_TIME.readValue("\"2026-12-05T10:15:30+08:00\"", Instant.class));
        assertThat(EventJson.mapper().readValue("1764929730.5", Instant.class))
                .isEqualTo(Instant.ofEpochSecond(1764929730, 500_000_000));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(
                Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(), Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Integer> fractionDigits() {
        return Arbitraries.integers().between(0, 9);
    }
}
