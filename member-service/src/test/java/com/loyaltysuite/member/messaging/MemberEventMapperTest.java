package com.loyaltysuite.member.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.member.profile.ConsentChanged;
import com.loyaltysuite.member.profile.MemberRegistered;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The mapped events are what the contract promises: each one is checked against its JSON Schema. */
class MemberEventMapperTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00.123Z");

    final MemberEventMapper mapper = new MemberEventMapper();

    @Test
    void mapsMemberRegistered() {
        LocalDate birthday = LocalDate.of(1990, 5, 17);
        var internal = new MemberRegistered(
                MEMBER, "default", "韩梅梅", "+8613800138000", "meimei@example.com", birthday, new Consents(true, false), AT);

        assertThat(roundTrip(internal))
                .isEqualTo(new com.loyaltysuite.events.member.MemberRegistered(
                        MEMBER, "default", "韩梅梅", "+8613800138000", "meimei@example.com", birthday, new Consents(true, false), AT));
    }

    @Test
    void mapsAMemberRegisteredWithoutTheOptionalFields() {
        var internal =
                new MemberRegistered(MEMBER, "default", "李雷", "13800138000", null, null, new Consents(false, false), AT);

        assertThat(roundTrip(internal))
                .isInstanceOfSatisfying(com.loyaltysuite.events.member.MemberRegistered.class, e -> {
                    assertThat(e.email()).isNull();
                    assertThat(e.birthday()).isNull();
                });
    }

    @Test
    void mapsConsentChanged() {
        var internal = new ConsentChanged(MEMBER, "default", Channel.EMAIL, true, AT);

        assertThat(roundTrip(internal))
                .isEqualTo(new com.loyaltysuite.events.member.ConsentChanged(MEMBER, "default", Channel.EMAIL, true, AT));
    }

    @Test
    void keepsOtherPayloadsInside() {
        assertThat(mapper.toIntegrationEvent("something else")).isEmpty();
    }

    private IntegrationEvent roundTrip(Object internal) {
        IntegrationEvent event = mapper.toIntegrationEvent(internal).orElseThrow();
        return CloudEventCodec.parseData(EventType.of(event.getClass()), CloudEventCodec.toJson(event));
    }
}
