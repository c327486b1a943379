package com.loyaltysuite.benefit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.benefit.grant.UpgradeGiftGranted;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.benefit.BenefitGranted;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventJson;
import com.loyaltysuite.events.codec.EventSchemas;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The stored grant and the contract event other services see: the mapped event is the one expected,
 * its JSON satisfies the contract's schema, and it reads back unchanged.
 */
class BenefitEventMapperTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant GRANTED_AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant VALID_UNTIL = Instant.parse("2027-02-21T10:00:00Z");

    final IntegrationEventMappings mapper = new BenefitEventMapper().benefitEvents();

    @Test
    void aGrantedUpgradeGiftIsPublishedAsBenefitGranted() throws IOException {
        var granted = new UpgradeGiftGranted(MEMBER, "default", "B-1", "SILVER_UPGRADE_GIFT", BenefitKind.UPGRADE_GIFT,
                "SILVER", "银牌升级礼包：20元无门槛优惠券", GRANTED_AT, VALID_UNTIL, "evt-tier-1");

        assertThat(publishedAs(granted, EventType.BENEFIT_GRANTED))
                .isEqualTo(new BenefitGranted(MEMBER, "default", "B-1", "SILVER_UPGRADE_GIFT", BenefitKind.UPGRADE_GIFT,
                        "SILVER", "银牌升级礼包：20元无门槛优惠券", GRANTED_AT, VALID_UNTIL, "evt-tier-1"));
    }

    @Test
    void otherPayloadsStayInside() {
        assertThat(mapper.toIntegrationEvent("something else")).isEmpty();
    }

    /** The contract event, after checking that it is of {@code type} and that its JSON satisfies the schema. */
    private IntegrationEvent publishedAs(Object stored, EventType type) throws IOException {
        IntegrationEvent event = mapper.toIntegrationEvent(stored).orElseThrow();
        byte[] json = CloudEventCodec.toJson(event);
        assertThat(EventType.of(event.getClass())).isEqualTo(type);
        assertThat(EventSchemas.violations(type, EventJson.mapper().readTree(json))).isEmpty();
        return CloudEventCodec.parseData(type, json);
    }
}
