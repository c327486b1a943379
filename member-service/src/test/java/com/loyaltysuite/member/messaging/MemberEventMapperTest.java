package com.loyaltysuite.member.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventJson;
import com.loyaltysuite.events.codec.EventSchemas;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.member.MemberStatusChanged;
import com.loyaltysuite.member.profile.ConsentChangeRecorded;
import com.loyaltysuite.member.profile.ErasureRecorded;
import com.loyaltysuite.member.profile.ProfileChangeRecorded;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import com.loyaltysuite.member.profile.StatusChangeRecorded;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each stored member event and the contract event other services see: the mapped event is the one
 * expected, its JSON satisfies the contract's schema, and it reads back unchanged.
 */
class MemberEventMapperTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final String SEALED = "v1.c2VhbGVkLXBlcnNvbmFsLWRhdGEtZm9yLWEtdGVzdA";
    static final Instant AT = Instant.parse("2026-11-23T10:00:00.123Z");

    final IntegrationEventMappings mapper = new MemberEventMapper().memberEvents();

    @Test
    void aRecordedRegistrationIsPublishedAsMemberRegistered() throws IOException {
        LocalDate birthday = LocalDate.of(1990, 5, 17);
        var recorded = new RegistrationRecorded(
                MEMBER, "default", "韩梅梅", "+8613800138000", "meimei@example.com", birthday, new Consents(true, false), AT);

        assertThat(publishedAs(recorded, EventType.MEMBER_REGISTERED))
                .isEqualTo(new MemberRegistered(
                        MEMBER, "default", "韩梅梅", "+8613800138000", "meimei@example.com", birthday, new Consents(true, false), AT));
    }

    @Test
    void aRegistrationWithoutTheOptionalFieldsStillSatisfiesTheSchema() throws IOException {
        var recorded = new RegistrationRecorded(MEMBER, "default", "李雷", "13800138000", null, null, new Consents(false, false), AT);

        assertThat(publishedAs(recorded, EventType.MEMBER_REGISTERED))
                .isInstanceOfSatisfying(MemberRegistered.class, e -> {
                    assertThat(e.email()).isNull();
                    assertThat(e.birthday()).isNull();
                });
    }

    @Test
    void aRecordedConsentChangeIsPublishedAsConsentChanged() throws IOException {
        var recorded = new ConsentChangeRecorded(MEMBER, "default", Channel.EMAIL, true, AT);

        assertThat(publishedAs(recorded, EventType.CONSENT_CHANGED))
                .isEqualTo(new ConsentChanged(MEMBER, "default", Channel.EMAIL, true, AT));
    }

    @Test
    void aRecordedStatusChangeIsPublishedAsMemberStatusChanged() throws IOException {
        var recorded = new StatusChangeRecorded(
                MEMBER, "default", MemberStatus.FROZEN, MemberStatus.ACTIVE, "chargeback under review", "agent-7", AT);

        assertThat(publishedAs(recorded, EventType.MEMBER_STATUS_CHANGED))
                .isEqualTo(new MemberStatusChanged(
                        MEMBER, "default", MemberStatus.FROZEN, MemberStatus.ACTIVE, "chargeback under review", "agent-7", AT));
    }

    @Test
    void aRecordedProfileChangeIsPublishedAsMemberProfileUpdatedNamingWhatChanged() throws IOException {
        var recorded = new ProfileChangeRecorded(MEMBER, "default", List.of("mobile", "locale"), SEALED, "zh-CN", null, AT);

        assertThat(publishedAs(recorded, EventType.MEMBER_PROFILE_UPDATED))
                .isEqualTo(new MemberProfileUpdated(
                        MEMBER, "default", null, null, null, null, AT, "zh-CN", null, List.of("mobile", "locale"), SEALED));
    }

    @Test
    void aSealedRegistrationIsPublishedSealedWithoutThePersonalFieldsInClear() throws IOException {
        var recorded = new RegistrationRecorded(MEMBER, "default", null, null, null, null, new Consents(true, false), AT, SEALED);

        assertThat(publishedAs(recorded, EventType.MEMBER_REGISTERED))
                .isEqualTo(new MemberRegistered(MEMBER, "default", null, null, null, null, new Consents(true, false), AT, SEALED));
    }

    @Test
    void aRecordedErasureIsPublishedAsMemberErased() throws IOException {
        assertThat(publishedAs(new ErasureRecorded(MEMBER, "default", "member request", "agent-7", AT), EventType.MEMBER_ERASED))
                .isEqualTo(new MemberErased(MEMBER, "default", "member request", AT));
    }

    @Test
    void otherPayloadsStayInside() {
        assertThat(mapper.toIntegrationEvent("something else")).isEmpty();
    }

    /** The contract event, after checking that it is of {@code type} and that its JSON satisfies the schema. */
    private IntegrationEvent publishedAs(Object recorded, EventType type) throws IOException {
        IntegrationEvent event = mapper.toIntegrationEvent(recorded).orElseThrow();
        byte[] json = CloudEventCodec.toJson(event);
        assertThat(EventType.of(event.getClass())).isEqualTo(type);
        assertThat(EventSchemas.violations(type, EventJson.mapper().readTree(json))).isEmpty();
        return CloudEventCodec.parseData(type, json);
    }
}
