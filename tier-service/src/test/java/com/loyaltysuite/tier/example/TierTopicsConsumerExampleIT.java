package com.loyaltysuite.tier.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.testsupport.MutableClock;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.tier.TierTestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The consumer example of docs/contracts/tiers.md, run against the embedded broker and a running tier-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(TierTestClock.class)
class TierTopicsConsumerExampleIT {

    @Autowired
    MutableClock clock;

    @Test
    void anotherTeamFollowsTierChangesAndBuildsATableOfCurrentTiers() {
        String member = "M-" + UUID.randomUUID();
        Instant paidAt = TierTestClock.recentPast(clock);
        try (OrderSystem orders = new OrderSystem(SharedKafka.bootstrapServers());
                TierTopicsConsumer consumer = new TierTopicsConsumer(SharedKafka.bootstrapServers(), "team-x-" + member)) {
            orders.orderPaid(member, "O-1-" + member, "800.00", paidAt);
            orders.orderPaid(member, "O-2-" + member, "1500.00", paidAt.plusSeconds(60));

            List<TierChanged> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.pollChanges(Duration.ofMillis(200)).stream()
                        .filter(c -> c.memberId().value().equals(member))
                        .forEach(seen::add);
                assertThat(seen).extracting(TierChanged::toTier).containsExactly("SILVER", "GOLD");
            });
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        TierTopicsConsumer.currentTiers(SharedKafka.bootstrapServers()).get(member))
                .isNotNull()
                .satisfies(current -> {
                    assertThat(current.tier()).isEqualTo("GOLD");
                    assertThat(current.since()).isEqualTo(paidAt.plusSeconds(60));
                    assertThat(current.manual()).isFalse();
                }));
    }
}
