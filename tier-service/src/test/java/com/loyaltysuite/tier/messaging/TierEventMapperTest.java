package com.loyaltysuite.tier.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventJson;
import com.loyaltysuite.events.codec.EventSchemas;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.tier.CurrentTier;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierAtRisk;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import com.loyaltysuite.tier.membertier.ManualMode;
import com.loyaltysuite.tier.membertier.ManualTier;
import com.loyaltysuite.tier.membertier.ManualTierAssigned;
import com.loyaltysuite.tier.membertier.MemberTierUpdated;
import com.loyaltysuite.tier.membertier.QualifyingOrderRecorded;
import com.loyaltysuite.tier.membertier.TierAtRiskAssessed;
import com.loyaltysuite.tier.membertier.TierDecided;
import com.loyaltysuite.tier.membertier.TierInForceChanged;
import com.loyaltysuite.tier.policy.DecisionKind;
import com.loyaltysuite.tier.policy.Window;
import com.loyaltysuite.tier.policy.WindowKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each internal event other services see, mapped to its contract: every field carried over, the
 * contract JSON valid against the schema other teams validate with, and read back the same. Internal
 * events with no contract stay inside.
 */
class TierEventMapperTest {

    static final MemberId MEMBER = MemberId.of("M-42");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant YEAR_ON = Instant.parse("2027-11-23T10:00:00Z");

    final IntegrationEventMapper mapper = TierEventMapper.mappings();

    @Test
    void aMoveOfTheTierInForceIsTierChangedOnTheTiersTopic() throws IOException {
        var moved = new TierInForceChanged(
                MEMBER, "default", "MEMBER", "GOLD", TierChangeReason.QUALIFIED, cny("2100.00"), "ladder-v1", AT,
                YEAR_ON, List.of("evt-1", "evt-2"));

        IntegrationEvent contract = published(moved, EventType.TIER_CHANGED, Topics.TIERS);

        assertThat(contract).isEqualTo(new TierChanged(
                MEMBER, "default", "MEMBER", "GOLD", TierChangeReason.QUALIFIED, cny("2100.00"), "ladder-v1", AT,
                YEAR_ON, List.of("evt-1", "evt-2")));
    }

    @Test
    void aDemotionCarriesWhatRegainsTheTierLostOnTheContract() throws IOException {
        var regain = new com.loyaltysuite.events.tier.RegainTarget("GOLD", new java.math.BigDecimal("800.00"), "CNY", "P12M");
        var demoted = new TierInForceChanged(
                MEMBER, "default", "GOLD", "SILVER", TierChangeReason.RETENTION_FAILED, cny("1200.00"), "ladder-v1",
                YEAR_ON, null, List.of("evt-2"), regain);

        assertThat(published(demoted, EventType.TIER_CHANGED, Topics.TIERS))
                .isInstanceOfSatisfying(TierChanged.class, changed -> assertThat(changed.toRegain()).isEqualTo(regain));
    }

    @Test
    void aManualTierEndingIsTierChangedToo() throws IOException {
        var ended = new TierInForceChanged(
                MEMBER, "default", "DIAMOND", "MEMBER", TierChangeReason.MANUAL_ENDED, cny("0.00"), "ladder-v1", AT,
                null, List.of());

        assertThat(published(ended, EventType.TIER_CHANGED, Topics.TIERS))
                .isInstanceOfSatisfying(TierChanged.class, changed -> {
                    assertThat(changed.reason()).isEqualTo(TierChangeReason.MANUAL_ENDED);
                    assertThat(changed.validUntil()).isNull();
                    assertThat(changed.causationIds()).isEmpty();
                });
    }

    @Test
    void aNewStandingIsCurrentTierOnTheCompactedTopicAndSaysWhetherItIsManual() throws IOException {
        var manual = new ManualTier("DIAMOND", ManualMode.PIN, "strategic account", "support-7", YEAR_ON, AT);
        var updated = new MemberTierUpdated(
                MEMBER, "default", "DIAMOND", AT, YEAR_ON, cny("600.00"), manual, "SILVER", YEAR_ON, "ladder-v1", AT);

        IntegrationEvent contract = published(updated, EventType.CURRENT_TIER, Topics.MEMBER_TIERS);

        assertThat(contract).isEqualTo(new CurrentTier(
                MEMBER, "default", "DIAMOND", AT, YEAR_ON, cny("600.00"), true, "ladder-v1", AT));
    }

    @Test
    void theEntryTierHasNoEndAndNoManualTier() throws IOException {
        var entry = new MemberTierUpdated(
                MEMBER, "default", "MEMBER", AT, null, cny("499.99"), null, "MEMBER", null, "ladder-v1", AT);

        assertThat(published(entry, EventType.CURRENT_TIER, Topics.MEMBER_TIERS))
                .isInstanceOfSatisfying(CurrentTier.class, current -> {
                    assertThat(current.validUntil()).isNull();
                    assertThat(current.manual()).isFalse();
                });
    }

    @Test
    void aWarningIsTierAtRiskWithTheGap() throws IOException {
        var risk = new TierAtRiskAssessed(
                MEMBER, "default", "GOLD", YEAR_ON, cny("1200.00"), cny("2000.00"), cny("800.00"), "ladder-v1", AT);

        IntegrationEvent contract = published(risk, EventType.TIER_AT_RISK, Topics.TIERS);

        assertThat(contract).isEqualTo(new TierAtRisk(
                MEMBER, "default", "GOLD", YEAR_ON, cny("1200.00"), cny("2000.00"), cny("800.00"), "ladder-v1", AT));
    }

    @Test
    void ordersDecisionsAboutTheEarnedTierAndManualAssignmentsStayInside() {
        var recorded = new QualifyingOrderRecorded(MEMBER, "default", OrderId.of("O-1"), cny("10.00"), AT, "evt-1");
        var decided = new TierDecided(
                MEMBER, "default", DecisionKind.PROMOTED, "MEMBER", "SILVER", cny("600.00"),
                new Window(WindowKind.ROLLING, AT.minusSeconds(3600), AT), "ladder-v1", AT, YEAR_ON, null, List.of());
        var assigned = new ManualTierAssigned(
                MEMBER, "default", new ManualTier("GOLD", ManualMode.FLOOR, "vip", "support-1", YEAR_ON, AT));

        assertThat(mapper.toIntegrationEvent(recorded)).isEmpty();
        assertThat(mapper.toIntegrationEvent(decided)).isEmpty();
        assertThat(mapper.toIntegrationEvent(assigned)).isEmpty();
    }

    /** The contract {@code internal} is published as: of {@code type}, for {@code topic}, schema-valid, read back alike. */
    private IntegrationEvent published(Object internal, EventType type, String topic) throws IOException {
        IntegrationEvent contract = mapper.toIntegrationEvent(internal).orElseThrow();
        byte[] json = CloudEventCodec.toJson(contract);
        JsonNode tree = EventJson.mapper().readTree(json);

        assertThat(EventType.of(contract.getClass())).isEqualTo(type);
        assertThat(type.topic()).isEqualTo(topic);
        assertThat(EventSchemas.violations(type, tree)).isEmpty();
        assertThat(CloudEventCodec.parseData(type, json)).isEqualTo(contract);
        return contract;
    }

    private static QualifyingValue cny(String value) {
        return new QualifyingValue(new BigDecimal(value), "CNY");
    }
}
