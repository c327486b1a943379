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
 * aggregate, which then grants each tier's gift once as before, and the wallet projection.
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
        // Replayed: SILVER and GOLD were gifted, so only DIAMOND's gift is new.
        commands.sendAndWait(grant("SILVER", "evt-tier-3"));
        commands.sendAndWait(grant("GOLD", "evt-tier-4"));
        commands.sendAndWait(grant("DIAMOND", "evt-tier-5"));
        assertThat(eventStore.readEvents(MEMBER.value()).asStream().toList())
                .hasSize(3)
                .last()
                .satisfies(last -> assertThat(last.getPayload()).isInstanceOfSatisfying(
                        UpgradeGiftGranted.class, gift -> assertThat(gift.causationId()).isEqualTo("evt-tier-5")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(wallet())
                .extracting(BenefitView::benefitId, BenefitView::code)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("061480d8-4606-42af-896a-e965c791311d", "SILVER_UPGRADE_GIFT"),
                        org.assertj.core.groups.Tuple.tuple("f00e8ce4-9ba5-4c58-b019-da1b3a9960fa", "GOLD_UPGRADE_GIFT"))
                .hasSize(3));
    }

    private static GrantUpgradeGift grant(String tier, String causationId) {
        return new GrantUpgradeGift(MEMBER, "default", tier, TierChangeReason.QUALIFIED, PROMOTED_AT, causationId);
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
