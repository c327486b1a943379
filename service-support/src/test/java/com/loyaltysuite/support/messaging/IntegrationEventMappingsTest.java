package com.loyaltysuite.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.ConsentChanged;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntegrationEventMappingsTest {

    /** An internal event, as a service would record it. */
    record ConsentRecorded(String member, boolean granted) {}

    record KeptInside(String anything) {}

    static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    final IntegrationEventMapper mapper = IntegrationEventMappings.builder()
            .map(ConsentRecorded.class, e -> new ConsentChanged(MemberId.of(e.member()), "default", Channel.SMS, e.granted(), AT))
            .build();

    @Test
    void aMappedInternalEventBecomesItsContractEvent() {
        assertThat(mapper.toIntegrationEvent(new ConsentRecorded("M-1", true)))
                .contains(new ConsentChanged(MemberId.of("M-1"), "default", Channel.SMS, true, AT));
    }

    @Test
    void anUnmappedInternalEventStaysInsideTheService() {
        assertThat(mapper.toIntegrationEvent(new KeptInside("x"))).isEmpty();
    }

    @Test
    void aTypeMappedTwiceIsAMistakeFoundAtStartup() {
        var builder = IntegrationEventMappings.builder()
                .map(ConsentRecorded.class, e -> new ConsentChanged(MemberId.of(e.member()), "d", Channel.SMS, true, AT));

        assertThatThrownBy(() -> builder.map(
                        ConsentRecorded.class, e -> new ConsentChanged(MemberId.of(e.member()), "d", Channel.SMS, true, AT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ConsentRecorded");
    }
}
