package com.loyaltysuite.points.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.points.PointsTestClock;
import com.loyaltysuite.points.account.ExpiryBucket;
import com.loyaltysuite.points.account.LotDraw;
import com.loyaltysuite.points.account.PointsTotals;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.expiry.DuePointsExpired;
import com.loyaltysuite.points.redemption.PointsReserved;
import com.loyaltysuite.points.refund.RefundReversed;
import com.loyaltysuite.points.standing.EarningWithheld;
import com.loyaltysuite.points.standing.WithheldEarningForfeited;
import com.loyaltysuite.testsupport.ProjectionFeed;
import java.math.BigDecimal;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The points-ledger projection fed account events directly, in batches as its processor hands them
 * over (one unit of work and transaction each), including a repeated and a replayed older event.
 * These events are not in the store, so their rows go afterwards: a rebuild test compares whole tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(PointsTestClock.class)
class PointsLedgerProjectionIT {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant EXPIRES = Instant.parse("2027-03-31T16:00:00Z");

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
        for (String member : members) {
            jdbc.update("delete from points_ledger_entry where member_id = ?", member);
            jdbc.update("delete from points_balance where member_id = ?", member);
        }
    }

    @Test
    void aBatchWritesEveryEntryOnceAndEachMembersLatestBalance() {
        String member = newMember();
        String other = newMember();
        var earned = earned(member, 0, "O-1", 100, totals(100, 0));
        var earnedAgain = earned(member, 1, "O-2", 50, totals(150, 0));
        var reserved = reserved(member, 2, 30, totals(120, 30));
        var othersEarned = earned(other, 0, "O-9", 7, totals(7, 0));

        feed(earned, earnedAgain, othersEarned, reserved, earnedAgain);

        assertThat(ledger(member)).containsExactly("0 EARNED 100 100", "1 EARNED 50 150");
        assertThat(balance(member)).isEqualTo("150 available 120 reserved 30 sequence 2");
        assertThat(ledger(other)).containsExactly("0 EARNED 7 7");
        assertThat(balance(other)).isEqualTo("7 available 7 reserved 0 sequence 0");

        PointsBalanceView view = queries.query(
                        new FindPointsBalance(MemberId.of(member)), ResponseTypes.optionalInstanceOf(PointsBalanceView.class))
                .join()
                .orElseThrow();
        assertThat(view.balance()).isEqualTo(150);
        assertThat(view.reserved()).isEqualTo(30);
        assertThat(view.updatedAt()).isEqualTo(AT.plusSeconds(2));
        PointsLedgerView page = queries.query(
                        new FindPointsLedger(MemberId.of(member), 0, 10), ResponseTypes.optionalInstanceOf(PointsLedgerView.class))
                .join()
                .orElseThrow();
        assertThat(page.entries()).extracting(LedgerEntryView::sequence).containsExactly(1L, 0L);
        assertThat(page.entries().get(1).expiresAt()).isEqualTo(EXPIRES);
    }

    @Test
    void replayedOlderEventsChangeNothingAndLaterOnesStillApply() {
        String member = newMember();
        var first = earned(member, 0, "O-1", 100, totals(100, 0));
        var second = earned(member, 1, "O-2", 50, totals(150, 0));
        feed(first, second);

        feed(second, first); // a batch replayed over rows that survived, newest first
        assertThat(ledger(member)).containsExactly("0 EARNED 100 100", "1 EARNED 50 150");
        assertThat(balance(member)).isEqualTo("150 available 150 reserved 0 sequence 1");

        feed(first, expired(member, 2, 40, totals(110, 0)));
        assertThat(ledger(member)).containsExactly("0 EARNED 100 100", "1 EARNED 50 150", "2 EXPIRED -40 110");
        assertThat(balance(member)).isEqualTo("110 available 110 reserved 0 sequence 2");
    }

    @Test
    void earningsAndReversalsKeepTheMoneyBehindThemOtherMovementsNone() {
        String member = newMember();

        feed(
                earned(member, 0, "O-1", 100, totals(100, 0)),
                reversed(member, 1, "O-1", "R-1", "40.50", 40, totals(60, 0)),
                expired(member, 2, 10, totals(50, 0)));

        assertThat(jdbc.query(
                        "select kind, amount, currency from points_ledger_entry where member_id = ? order by sequence_number",
                        (row, i) -> row.getString("kind") + " " + row.getBigDecimal("amount") + " " + row.getString("currency"),
                        member))
                .containsExactly("EARNED 100.00 CNY", "REVERSED 40.50 CNY", "EXPIRED null null");
        assertThat(jdbc.queryForObject(
                        "select sum(amount) from points_ledger_entry where member_id = ? and kind = 'REVERSED' and currency = 'CNY'",
                        BigDecimal.class,
                        member))
                .isEqualByComparingTo("40.50");
        PointsLedgerView page = queries.query(
                        new FindPointsLedger(MemberId.of(member), 0, 10), ResponseTypes.optionalInstanceOf(PointsLedgerView.class))
                .join()
                .orElseThrow();
        assertThat(page.entries())
                .extracting(LedgerEntryView::amount)
                .containsExactly(null, Money.of("40.50", "CNY"), Money.of("100.00", "CNY"));
    }

    @Test
    void withheldPointsForfeitedOnUnfreezingLeaveTheWithheldTotalNeverTheBalance() {
        String member = newMember();
        var earned = earned(member, 0, "O-1", 100, totals(100, 0));
        var withheld = withheld(member, 1, "O-2", 250, totals(100, 0).withWithheld(250));
        var forfeited = event(member, 2, new WithheldEarningForfeited(MemberId.of(member), "default", OrderId.of("O-2"), 250,
                "fraud confirmed", AT.plusSeconds(2), "status-1", totals(100, 0)));

        feed(earned, withheld, forfeited);
        feed(forfeited, withheld); // replayed: nothing changes

        assertThat(ledger(member)).containsExactly("0 EARNED 100 100", "1 WITHHELD 250 100", "2 WITHHELD_FORFEITED -250 100");
        assertThat(jdbc.queryForObject("select withheld from points_balance where member_id = ?", Long.class, member)).isZero();
        PointsBalanceView view = queries.query(
                        new FindPointsBalance(MemberId.of(member)), ResponseTypes.optionalInstanceOf(PointsBalanceView.class))
                .join()
                .orElseThrow();
        assertThat(view.balance()).isEqualTo(100);
        assertThat(view.withheld()).isZero();
        LedgerEntryView dropped = queries.query(
                        new FindPointsLedger(MemberId.of(member), 0, 10), ResponseTypes.optionalInstanceOf(PointsLedgerView.class))
                .join()
                .orElseThrow()
                .entries()
                .get(0);
        assertThat(dropped.orderId()).isEqualTo("O-2");
        assertThat(dropped.causationId()).isEqualTo("status-1");
        assertThat(dropped.cause()).contains("forfeited on unfreezing (fraud confirmed)").contains("not in the balance");
    }

    private String newMember() {
        String member = "M-" + UUID.randomUUID();
        members.add(member);
        return member;
    }

    /** Hands the events to the processor's handlers as one batch: one unit of work, one transaction. */
    private void feed(EventMessage<?>... events) {
        ProjectionFeed.feed(processing, transactions, PointsLedgerProjection.PROCESSING_GROUP, events);
    }

    private List<String> ledger(String member) {
        return jdbc.query(
                "select * from points_ledger_entry where member_id = ? order by sequence_number",
                (row, i) -> row.getLong("sequence_number") + " " + row.getString("kind") + " " + row.getLong("points")
                        + " " + row.getLong("balance_after"),
                member);
    }

    private String balance(String member) {
        return jdbc.queryForObject(
                "select * from points_balance where member_id = ?",
                (row, i) -> row.getLong("total") + " available " + row.getLong("available") + " reserved "
                        + row.getLong("reserved") + " sequence " + row.getLong("last_sequence"),
                member);
    }

    private static PointsTotals totals(long available, long reserved) {
        return new PointsTotals(available, 0, reserved, 0, List.of(new ExpiryBucket(EXPIRES, available + reserved)));
    }

    private static DomainEventMessage<EarningRecorded> earned(
            String member, long sequence, String order, long points, PointsTotals totals) {
        Instant at = AT.plusSeconds(sequence);
        return event(member, sequence, new EarningRecorded(MemberId.of(member), "default", OrderId.of(order), points, points,
                BigDecimal.ONE, "MEMBER", "earning-v1", null, Money.of(points + ".00", "CNY"), at, at, EXPIRES, 0,
                "cause-" + order, totals));
    }

    private static DomainEventMessage<RefundReversed> reversed(
            String member, long sequence, String order, String refund, String amount, long points, PointsTotals totals) {
        return event(member, sequence, new RefundReversed(MemberId.of(member), "default", OrderId.of(order), refund,
                Money.of(amount, "CNY"), points, List.of(new LotDraw("order:" + order, points)), 0, AT.plusSeconds(sequence),
                "cause-" + refund, totals));
    }

    private static DomainEventMessage<EarningWithheld> withheld(
            String member, long sequence, String order, long points, PointsTotals totals) {
        Instant at = AT.plusSeconds(sequence);
        return event(member, sequence, new EarningWithheld(MemberId.of(member), "default", OrderId.of(order), points, points,
                BigDecimal.ONE, "MEMBER", "earning-v1", null, Money.of(points + ".00", "CNY"), at, at, EXPIRES,
                MemberStatus.FROZEN, "cause-" + order, totals));
    }

    private static DomainEventMessage<PointsReserved> reserved(String member, long sequence, long points, PointsTotals totals) {
        Instant at = AT.plusSeconds(sequence);
        return event(member, sequence, new PointsReserved(
                MemberId.of(member), "default", "res-1", "CO-1", points, List.of(), at, at.plusSeconds(900), totals));
    }

    private static DomainEventMessage<DuePointsExpired> expired(String member, long sequence, long points, PointsTotals totals) {
        return event(member, sequence, new DuePointsExpired(MemberId.of(member), "default", points, List.of(), AT.plusSeconds(sequence), totals));
    }

    private static <T> DomainEventMessage<T> event(String member, long sequence, T payload) {
        return new GenericDomainEventMessage<>("PointsAccount", member, sequence, payload);
    }
}
