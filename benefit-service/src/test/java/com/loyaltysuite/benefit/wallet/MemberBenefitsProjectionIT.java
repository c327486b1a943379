package com.loyaltysuite.benefit.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.benefit.grant.UpgradeGiftGranted;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.testsupport.ProjectionFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The member-benefits projection fed grants directly, in batches as its processor hands them over
 * (one unit of work and transaction each), with a repeated and a replayed grant. These events are not
 * in the store, so their rows go afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class MemberBenefitsProjectionIT {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    QueryGateway queries;

    final List<String> members = new ArrayList<>();

    @AfterEach
    void removeRowsNoStoredEventExplains() {
        members.forEach(member -> jdbc.update("delete from member_benefit where member_id = ?", member));
    }

    @Test
    void eachGrantIsHeldOnceWhateverTheBatchesRepeat() {
        String member = "M-" + UUID.randomUUID();
        members.add(member);
        var gift = granted(member, 0, "B-1-" + member, "SILVER_WELCOME");
        var coupon = granted(member, 1, "B-2-" + member, "SILVER_COUPON");

        feed(gift, coupon, gift);
        feed(coupon, gift, granted(member, 2, "B-3-" + member, "GOLD_WELCOME"));

        assertThat(jdbc.queryForList(
                        "select code from member_benefit where member_id = ? order by member_sequence", String.class, member))
                .containsExactly("SILVER_WELCOME", "SILVER_COUPON", "GOLD_WELCOME");
        List<BenefitView> held = queries.query(
                        new FindMemberBenefits(MemberId.of(member), true), ResponseTypes.multipleInstancesOf(BenefitView.class))
                .join();
        assertThat(held).extracting(BenefitView::code).containsExactly("SILVER_WELCOME", "SILVER_COUPON", "GOLD_WELCOME");
        assertThat(held.get(0).status()).isEqualTo("EXPIRED"); // its day of validity is long past
        assertThat(held.get(0).validUntil()).isEqualTo(AT.plusSeconds(86_400));
    }

    /** Hands the events to the processor's handlers as one batch: one unit of work, one transaction. */
    private void feed(EventMessage<?>... events) {
        ProjectionFeed.feed(processing, transactions, MemberBenefitsProjection.PROCESSING_GROUP, events);
    }

    private static DomainEventMessage<UpgradeGiftGranted> granted(String member, long sequence, String benefitId, String code) {
        Instant at = AT.plusSeconds(sequence);
        return new GenericDomainEventMessage<>("MemberBenefits", member, sequence, new UpgradeGiftGranted(MemberId.of(member),
                "default", benefitId, code, BenefitKind.UPGRADE_GIFT, "SILVER", code + " for you", at, AT.plusSeconds(86_400),
                "c-" + sequence));
    }
}
