package com.loyaltysuite.benefit.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.benefit.wallet.BenefitView;
import com.loyaltysuite.benefit.wallet.FindMemberBenefits;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.testsupport.StoredEventRows;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member's grants as the service stored them before the event was renamed ({@code grant.BenefitGranted};
 * rows recorded from the former code in {@code history/benefits-before-renames.json}) still rebuild the
 * aggregate, which then grants each tier's gift once as before, and the wallet projection; each tier's gift then counts as that tier's upgrade pack for a year.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class BenefitsStoredBeforeRenamesIT {

    static final MemberId MEMBER = MemberId.of("M-recorded-1");
    static final Instant PROMOTED_AT = Instant.parse("2026-12-20T09:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Test
    void grantsStoredUnderTheFormerNameRebuildTheMembersBenefitsAndTheWallet() throws IOException {
        appendStoredRows("/history/benefits-before-renames.json");

        assertThat(payloadTypes()).containsExactly(UpgradeGiftGranted.class, UpgradeGiftGranted.class);
        // Replayed: SILVER and GOLD were gifted less than a year before, so only DIAMOND's pack is new.
        commands.sendAndWait(grant("MEMBER", "SILVER", "evt-tier-3"));
        commands.sendAndWait(grant("SILVER", "GOLD", "evt-tier-4"));
        commands.sendAndWait(grant("GOLD", "DIAMOND", "evt-tier-5"));
        assertThat(eventStore.readEvents(MEMBER.value()).asStream().map(DomainEventMessage::getPayload).toList())
                .filteredOn(UpgradePackGiven.class::isInstance)
                .singleElement()
                .satisfies(pack -> assertThat(((UpgradePackGiven) pack).tier()).isEqualTo("DIAMOND"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(wallet())
                .extracting(BenefitView::benefitId, BenefitView::code)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("061480d8-4606-42af-896a-e965c791311d", "SILVER_UPGRADE_GIFT"),
                        org.assertj.core.groups.Tuple.tuple("f00e8ce4-9ba5-4c58-b019-da1b3a9960fa", "GOLD_UPGRADE_GIFT"))
                .hasSizeGreaterThan(3));
    }

    private static ApplyTierChange grant(String from, String tier, String causationId) {
        return new ApplyTierChange(MEMBER, "default", from, tier, TierChangeReason.QUALIFIED, PROMOTED_AT, null, causationId);
    }

    private List<Class<?>> payloadTypes() {
        return eventStore.readEvents(MEMBER.value()).asStream()
                .map(DomainEventMessage::getPayloadType)
                .<Class<?>>map(type -> type)
                .toList();
    }

    private List<BenefitView> wallet() {
        return queries.query(new FindMemberBenefits(MEMBER), ResponseTypes.multipleInstancesOf(BenefitView.class))
                .join();
    }

    /** Appends the recorded rows to the event store as they were written: type names, payloads and all. */
    private void appendStoredRows(String resource) {
        StoredEventRows.append(jdbc.getDataSource(), getClass(), resource);
    }
}
