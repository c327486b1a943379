package com.loyaltysuite.points.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.points.adjustment.AdjustPoints;
import com.loyaltysuite.points.earning.EarnedOrder;
import com.loyaltysuite.points.earning.EarningPolicy;
import com.loyaltysuite.points.earning.EarningProperties;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.earning.MakePointsAvailable;
import com.loyaltysuite.points.earning.RecordEarning;
import com.loyaltysuite.points.earning.RecordTierChange;
import com.loyaltysuite.points.expiry.ExpireDuePoints;
import com.loyaltysuite.points.expiry.ExpiryPolicy;
import com.loyaltysuite.points.expiry.ExpiryProperties;
import com.loyaltysuite.points.expiry.WarnOfExpiringPoints;
import com.loyaltysuite.points.redemption.CancelReservation;
import com.loyaltysuite.points.redemption.ConfirmReservation;
import com.loyaltysuite.points.redemption.ExpireReservation;
import com.loyaltysuite.points.redemption.RedemptionPolicy;
import com.loyaltysuite.points.redemption.RedemptionProperties;
import com.loyaltysuite.points.redemption.Reservation;
import com.loyaltysuite.points.redemption.ReservePoints;
import com.loyaltysuite.points.refund.ReverseRefund;
import com.loyaltysuite.points.standing.MemberStanding;
import com.loyaltysuite.points.standing.RecordMemberStatus;
import com.loyaltysuite.points.standing.StandingProperties;
import com.loyaltysuite.points.standing.WithheldEarningForfeited;
import com.loyaltysuite.testsupport.aggregates.AggregateHarness;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * A snapshot of a points account, written and read with the serializer the service stores snapshots
 * with, is the account that replaying its events gives, and decides the next commands alike.
 */
class PointsAccountSnapshotTest {

    static final MemberId MEMBER = MemberId.of("M-7");
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant O1_EXPIRES = Instant.parse("2027-11-23T10:00:00Z");
    static final Instant O2_EXPIRES = Instant.parse("2027-11-24T10:00:00Z");

    static Object[] policies() {
        return policies(StandingProperties.defaults());
    }

    static Object[] policies(StandingProperties standing) {
        return new Object[] {
            new EarningPolicy(EarningProperties.defaults()),
            new ExpiryPolicy(ExpiryProperties.defaults()),
            new RedemptionPolicy(RedemptionProperties.defaults()),
            new MemberStanding(standing)
        };
    }

    /** Ten months of one member: every kind of event the account applies, and one refused command. */
    static List<Object> history() {
        return List.of(
                new RecordTierChange(MEMBER, "default", "SILVER", T0.minus(days(30)), "tier-1"),
                earn("O-1", "599.99", T0), // 719 points at SILVER
                refund("O-9", "R-9", "20.00", T0.plus(days(1))), // overtakes its order
                earn("O-2", "100.00", T0.plus(days(1))),
                new MakePointsAvailable(MEMBER, OrderId.of("O-1"), T0.plus(days(7))),
                reserve("RS-1", 300, T0.plus(days(7))),
                new ConfirmReservation(MEMBER, "RS-1", T0.plus(days(7)).plusSeconds(60)),
                reserve("RS-2", 100, T0.plus(days(7))),
                new CancelReservation(MEMBER, "RS-2", T0.plus(days(7)).plusSeconds(90)),
                reserve("RS-3", 50, T0.plus(days(7))),
                new ExpireReservation(MEMBER, "RS-3", T0.plus(days(7)).plus(Duration.ofMinutes(15))),
                reserve("RS-4", 40, T0.plus(days(7))), // left open
                reserve("RS-5", 99_999, T0.plus(days(7))), // refused: not enough points
                new MakePointsAvailable(MEMBER, OrderId.of("O-2"), T0.plus(days(8))),
                refund("O-1", "R-1", "599.99", T0.plus(days(9))), // points already spent: a debt
                refund("O-2", "R-2", "40.00", T0.plus(days(9))), // partial
                earn("O-9", "50.00", T0.plus(days(10))), // repays debt, then takes R-9's refund
                new AdjustPoints(MEMBER, "ADJ-1", 500, "goodwill, ticket 4711", "agent-7", T0.plus(days(11))),
                new AdjustPoints(MEMBER, "ADJ-2", -30, "correction", "agent-7", T0.plus(days(12))),
                new RecordTierChange(MEMBER, "default", "GOLD", T0.plus(days(20)), "tier-2"),
                earn("O-3", "200.00", T0.plus(days(30))), // at GOLD
                new RecordMemberStatus(MEMBER, "default", MemberStatus.FROZEN, "review", T0.plus(days(40)), "status-1"),
                earn("O-5", "70.00", T0.plus(days(41))), // withheld
                refund("O-5", "R-5", "10.00", T0.plus(days(42))), // of a withheld order: waits for its release
                new WarnOfExpiringPoints(MEMBER, O2_EXPIRES, O2_EXPIRES.minus(days(30))),
                new ExpireDuePoints(MEMBER, O2_EXPIRES));
    }

    /** What comes next: decisions that depend on every part of the state. */
    static List<Object> next() {
        return List.of(
                new RecordMemberStatus(MEMBER, "default", MemberStatus.ACTIVE, "cleared", T0.plus(days(45)), "status-2"),
                refund("O-5", "R-6", "20.00", T0.plus(days(46))), // of the released (or forfeited) order
                earn("O-5", "70.00", T0.plus(days(41))), // re-sent: counts once, or stays forfeited
                new CancelReservation(MEMBER, "RS-4", O2_EXPIRES.plusSeconds(1)), // its lot expired meanwhile
                earn("O-1", "599.99", T0), // re-sent: counts once
                refund("O-1", "R-1", "599.99", T0.plus(days(9))), // duplicate
                refund("O-3", "R-3", "200.00", O2_EXPIRES.plus(days(1))),
                reserve("RS-4", 40, T0.plus(days(7))), // same request id, same content: the old view
                reserve("RS-6", 100, O2_EXPIRES.plus(days(2))),
                new AdjustPoints(MEMBER, "ADJ-1", 500, "goodwill, ticket 4711", "agent-7", T0.plus(days(11))),
                earn("O-4", "80.00", O2_EXPIRES.plus(days(3))),
                new WarnOfExpiringPoints(MEMBER, O2_EXPIRES, O2_EXPIRES.minus(days(30))),
                new ExpireDuePoints(MEMBER, Instant.parse("2028-12-31T00:00:00Z")));
    }

    @Test
    void aSnapshotRestoresExactlyTheStateThatReplayingTheEventsGives() {
        AggregateHarness<PointsAccount> replaying = AggregateHarness.replaying(PointsAccount.class, policies());
        List<Object> events = replaying.sendAll(history());
        assertThat(events).contains("InsufficientPointsException");
        PointsAccount replayed = replaying.load(MEMBER.value());

        PointsAccount restored = AggregateHarness.roundTrip(replayed);

        assertThat(restored).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(restored.ledger()).isEqualTo(replayed.ledger());
        // Not an empty comparison: the history left lots, holds, debt repaid, orders and refunds behind.
        assertThat(replayed.ledger().snapshot().lots()).hasSize(5);
        assertThat(replayed.ledger().snapshot().holds()).containsOnlyKeys("RS-4");
        assertThat(AggregateHarness.json(replayed))
                .contains("\"tierHistory\"", "\"refundsAwaitingOrder\"", "\"warnedExpiries\"", "\"refundIds\"", "\"held\"", "\"statusHistory\"", "\"O-5\"");
    }

    @Test
    void commandsDecideTheSameOnAnAccountRestoredFromSnapshotsAsOnAReplayedOne() {
        AggregateHarness<PointsAccount> replaying = AggregateHarness.replaying(PointsAccount.class, policies());
        AggregateHarness<PointsAccount> snapshotting =
                AggregateHarness.snapshottingEvery(3, PointsAccount.class, policies());
        List<Object> commands = Stream.concat(history().stream(), next().stream()).toList();

        List<Object> fromReplay = replaying.sendAll(commands);
        List<Object> fromSnapshots = snapshotting.sendAll(commands);

        assertThat(snapshotting.snapshotsTaken()).isGreaterThan(5);
        assertThat(fromSnapshots).isEqualTo(fromReplay);
        assertThat(fromReplay).hasSizeGreaterThan(25);
        assertThat(snapshotting.load(MEMBER.value()))
                .usingRecursiveComparison()
                .isEqualTo(replaying.load(MEMBER.value()));
    }

    @Test
    void underTheForfeitRuleASnapshotRemembersTheForfeitedOrders() {
        Object[] forfeiting = policies(new StandingProperties(null, StandingProperties.OnUnfreeze.FORFEIT));
        AggregateHarness<PointsAccount> replaying = AggregateHarness.replaying(PointsAccount.class, forfeiting);
        AggregateHarness<PointsAccount> snapshotting = AggregateHarness.snapshottingEvery(3, PointsAccount.class, forfeiting);
        List<Object> commands = Stream.concat(history().stream(), next().stream()).toList();

        List<Object> fromReplay = replaying.sendAll(commands);
        List<Object> fromSnapshots = snapshotting.sendAll(commands);

        assertThat(fromSnapshots).isEqualTo(fromReplay);
        assertThat(fromReplay).hasAtLeastOneElementOfType(WithheldEarningForfeited.class)
                .noneMatch(e -> e instanceof EarningRecorded earned && earned.orderId().equals(OrderId.of("O-5")));
        PointsAccount replayed = replaying.load(MEMBER.value());
        assertThat(replayed.forfeitedOrders).containsExactly(OrderId.of("O-5"));
        assertThat(AggregateHarness.roundTrip(replayed)).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(snapshotting.load(MEMBER.value())).usingRecursiveComparison().isEqualTo(replayed);
    }

    /**
     * Snapshots of revision 4 carry exactly these fields (revision 3 had no forfeited orders, revision 2 no member status and nothing withheld). Change the account's state, and this test asks
     * for a new {@code @Revision}: the service then ignores older snapshots and replays the events, instead
     * of failing to read them. (Revision 1 kept orders and reservations in nested classes and named
     * events by their former names.)
     */
    @Test
    void theSnapshotRevisionNamesTheStateItCarries() {
        assertThat(PointsAccount.class.getAnnotation(Revision.class).value()).isEqualTo("4");
        assertThat(stateFields(
                        PointsAccount.class,
                        PointsAccountState.class,
                        EarnedOrder.class,
                        Reservation.class,
                        LotLedger.class,
                        nested(LotLedger.class, "Lot")))
                .as("the state a PointsAccount snapshot carries changed: bump its @Revision, then this list")
                .containsExactly(
                        "PointsAccountState.memberId: MemberId",
                        "PointsAccountState.programId: String",
                        "PointsAccountState.ledger: LotLedger",
                        "PointsAccountState.tierHistory: TreeMap<Instant, String>",
                        "PointsAccountState.orders: Map<OrderId, EarnedOrder>",
                        "PointsAccountState.refundsAwaitingOrder: Map<OrderId, List<RefundAwaitingOrderRecorded>>",
                        "PointsAccountState.reservations: Map<String, Reservation>",
                        "PointsAccountState.adjustments: Map<String, AdjustmentRecorded>",
                        "PointsAccountState.warnedExpiries: Set<Instant>",
                        "PointsAccountState.statusHistory: TreeMap<Instant, MemberStatus>",
                        "PointsAccountState.withheld: LinkedHashMap<OrderId, EarningWithheld>",
                        "PointsAccountState.forfeitedOrders: Set<OrderId>",
                        "EarnedOrder.orderId: OrderId",
                        "EarnedOrder.amount: BigDecimal",
                        "EarnedOrder.points: long",
                        "EarnedOrder.availableAt: Instant",
                        "EarnedOrder.causationId: String",
                        "EarnedOrder.refundIds: Set<String>",
                        "EarnedOrder.refunded: BigDecimal",
                        "EarnedOrder.reversed: long",
                        "Reservation.id: String",
                        "Reservation.orderId: String",
                        "Reservation.points: long",
                        "Reservation.expiresAt: Instant",
                        "Reservation.status: ReservationStatus",
                        "LotLedger.lots: Map<String, Lot>",
                        "LotLedger.holds: Map<String, List<LotDraw>>",
                        "LotLedger.debt: long",
                        "Lot.id: String",
                        "Lot.earnedAt: Instant",
                        "Lot.expiresAt: Instant",
                        "Lot.points: long",
                        "Lot.sequence: int",
                        "Lot.repaid: long",
                        "Lot.remaining: long",
                        "Lot.held: long",
                        "Lot.consumed: long",
                        "Lot.available: boolean");
    }

    static List<String> stateFields(Class<?>... types) {
        List<String> fields = new ArrayList<>();
        for (Class<?> type : types) {
            Arrays.stream(type.getDeclaredFields())
                    .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                    .map(f -> type.getSimpleName() + "." + f.getName() + ": " + typeName(f))
                    .forEach(fields::add);
        }
        return fields;
    }

    private static String typeName(Field field) {
        return field.getGenericType().getTypeName().replaceAll("[\\w.]+[.$](\\w+)", "$1");
    }

    static Class<?> nested(Class<?> outer, String simpleName) {
        return Arrays.stream(outer.getDeclaredClasses())
                .filter(c -> c.getSimpleName().equals(simpleName))
                .findFirst()
                .orElseThrow();
    }

    static RecordEarning earn(String orderId, String amount, Instant paidAt) {
        return new RecordEarning(
                MEMBER, "default", OrderId.of(orderId), Money.of(amount, "CNY"), paidAt, "APP", List.of(), "evt-" + orderId);
    }

    static ReverseRefund refund(String orderId, String refundId, String amount, Instant at) {
        return new ReverseRefund(
                MEMBER, "default", OrderId.of(orderId), refundId, Money.of(amount, "CNY"), at, "evt-" + refundId);
    }

    static ReservePoints reserve(String reservationId, long points, Instant at) {
        return new ReservePoints(MEMBER, reservationId, "CO-" + reservationId, points, at);
    }

    static Duration days(int days) {
        return Duration.ofDays(days);
    }
}
