package com.loyaltysuite.tier.membertier;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.testsupport.aggregates.AggregateHarness;
import com.loyaltysuite.tier.ladder.Ladders;
import com.loyaltysuite.tier.policy.DemotionPolicy;
import com.loyaltysuite.tier.policy.EarnedTier;
import com.loyaltysuite.tier.policy.QualifyingBasis;
import com.loyaltysuite.tier.policy.QualifyingLedger;
import com.loyaltysuite.tier.policy.QualifyingWindow;
import com.loyaltysuite.tier.policy.TierPolicy;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * A snapshot of a member's tier, written and read with the serializer the service stores snapshots
 * with, is the tier that replaying its events gives, and decides the next commands alike.
 */
class MemberTierSnapshotTest {

    static final MemberId MEMBER = MemberId.of("M-7");
    static final Instant DAY_1 = Instant.parse("2026-11-23T10:00:00Z");

    static TierPolicy policy() {
        return new TierPolicy(
                Ladders.standard(),
                QualifyingBasis.SPEND,
                QualifyingWindow.rolling12Months(),
                DemotionPolicy.SOFT_LANDING,
                Period.ZERO,
                Duration.ofDays(30));
    }

    /**
     * Two years of one member: orders, refunds (one overtaking its order, one whose order never comes),
     * a promotion, a manual tier assigned and ended, a risk notice, re-evaluations at the end of
     * validity, and a refused command. Sent to {@code tiers}; returns the commands, to send elsewhere.
     */
    static List<Object> history(AggregateHarness<MemberTier> tiers) {
        List<Object> sent = new ArrayList<>();
        send(tiers, sent, refund("O-3", "R-3", "50.00", DAY_1.plus(hours(1))));
        send(tiers, sent, order("O-1", "300.00", DAY_1));
        send(tiers, sent, order("O-2", "300.00", DAY_1.plus(days(1)))); // SILVER
        send(tiers, sent, refund("O-1", "R-1", "100.00", DAY_1.plus(days(2))));
        send(tiers, sent, order("O-3", "200.00", DAY_1.plus(days(2)))); // R-3 applies now
        send(tiers, sent, refund("O-9", "R-9", "10.00", DAY_1.plus(days(3)))); // its order never comes
        send(tiers, sent, refund("O-2", "R-2", "-1.00", DAY_1.plus(days(3)))); // refused
        send(tiers, sent, new AssignManualTier(
                MEMBER, "default", "DIAMOND", ManualMode.FLOOR, "strategic account", "support-7",
                DAY_1.plus(days(90)), DAY_1.plus(days(4))));
        Instant goldValidUntil = validUntil(send(tiers, sent, order("O-4", "1700.00", DAY_1.plus(days(10))))); // GOLD
        send(tiers, sent, new EndManualTier(MEMBER, "support-7", DAY_1.plus(days(20)), null));
        send(tiers, sent, new AssessTierAtRisk(MEMBER, goldValidUntil, goldValidUntil.minus(days(30))));
        Instant graceEnds = graceEndsAt(send(tiers, sent, new DecideTier(MEMBER, goldValidUntil)));
        send(tiers, sent, order("O-5", "120.00", goldValidUntil.plus(days(1))));
        if (graceEnds != null) {
            send(tiers, sent, new DecideTier(MEMBER, graceEnds));
        }
        return sent;
    }

    /** What comes next: decisions that depend on every part of the state. */
    static List<Object> next(Instant after) {
        return List.of(
                order("O-1", "300.00", DAY_1), // re-sent: counts once
                refund("O-3", "R-3", "50.00", DAY_1.plus(hours(1))), // seen before
                order("O-9", "40.00", after.plus(days(1))), // R-9 finally applies
                new AssignManualTier(
                        MEMBER, "default", "GOLD", ManualMode.PIN, "complaint", "support-9",
                        after.plus(days(60)), after.plus(days(2))),
                order("O-6", "9000.00", after.plus(days(3))),
                new EndManualTier(MEMBER, null, after.plus(days(60)), after.plus(days(60))),
                new DecideTier(MEMBER, after.plus(days(400))));
    }

    @Test
    void aSnapshotRestoresExactlyTheStateThatReplayingTheEventsGives() {
        AggregateHarness<MemberTier> replaying = AggregateHarness.replaying(MemberTier.class, policy());
        List<Object> commands = history(replaying);
        MemberTier replayed = replaying.load(MEMBER.value());

        MemberTier restored = AggregateHarness.roundTrip(replayed);

        assertThat(restored).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(commands).hasSizeGreaterThan(12);
        assertThat(AggregateHarness.json(replayed))
                .contains("\"refundsAwaitingOrder\":{\"O-9\"", "\"refundsCounted\"", "\"entries\"", "\"published\"")
                .contains("\"earned\":{\"tier\":", "\"graceEndsAt\"", "\"riskAssessedFor\"", "\"inForceSince\"");
    }

    @Test
    void commandsDecideTheSameOnATierRestoredFromSnapshotsAsOnAReplayedOne() {
        List<Object> commands = new ArrayList<>(history(AggregateHarness.replaying(MemberTier.class, policy())));
        commands.addAll(next(DAY_1.plus(days(800))));
        AggregateHarness<MemberTier> replaying = AggregateHarness.replaying(MemberTier.class, policy());
        AggregateHarness<MemberTier> snapshotting = AggregateHarness.snapshottingEvery(3, MemberTier.class, policy());

        List<Object> fromReplay = replaying.sendAll(commands);
        List<Object> fromSnapshots = snapshotting.sendAll(commands);

        assertThat(snapshotting.snapshotsTaken()).isGreaterThan(5);
        assertThat(fromSnapshots).isEqualTo(fromReplay);
        assertThat(fromReplay).contains("NegativeOrderAmountException").hasSizeGreaterThan(30);
        assertThat(snapshotting.load(MEMBER.value()))
                .usingRecursiveComparison()
                .isEqualTo(replaying.load(MEMBER.value()));
    }

    /**
     * Snapshots of revision 2 carry exactly these fields (revision 1 kept the earned tier in four
     * fields of its own, and the refunds beside the ledger). Change the tier's state, and this test
     * asks for a new {@code @Revision}: the service then ignores older snapshots and replays the
     * events, instead of failing to read them.
     */
    @Test
    void theSnapshotRevisionNamesTheStateItCarries() {
        assertThat(MemberTier.class.getAnnotation(Revision.class).value()).isEqualTo("2");
        assertThat(stateFields(MemberTier.class, QualifyingOrders.class, QualifyingLedger.class, EarnedTier.class))
                .as("the state a MemberTier snapshot carries changed: bump its @Revision, then this list")
                .containsExactly(
                        "MemberTier.memberId: MemberId",
                        "MemberTier.programId: String",
                        "MemberTier.orders: QualifyingOrders",
                        "MemberTier.earned: EarnedTier",
                        "MemberTier.manual: ManualTier",
                        "MemberTier.tierInForce: String",
                        "MemberTier.inForceSince: Instant",
                        "MemberTier.published: Standing",
                        "MemberTier.riskAssessedFor: Instant",
                        "QualifyingOrders.ledger: QualifyingLedger",
                        "QualifyingOrders.refundsCounted: Set<String>",
                        "QualifyingOrders.refundsAwaitingOrder: Map<String, List<RefundAwaitingOrderRecorded>>",
                        "QualifyingLedger.entries: Map<String, QualifyingEntry>",
                        "EarnedTier.tier: String",
                        "EarnedTier.since: Instant",
                        "EarnedTier.validUntil: Instant",
                        "EarnedTier.graceEndsAt: Instant");
    }

    private static List<Object> send(AggregateHarness<MemberTier> tiers, List<Object> sent, Object command) {
        sent.add(command);
        return tiers.sendAll(List.of(command));
    }

    private static Instant validUntil(List<Object> events) {
        return events.stream()
                .filter(TierDecided.class::isInstance)
                .map(e -> ((TierDecided) e).validUntil())
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    /** The end of the grace period the last decision started, if it started one. */
    private static Instant graceEndsAt(List<Object> events) {
        Instant graceEndsAt = null;
        for (Object event : events) {
            if (event instanceof TierDecided decided) {
                graceEndsAt = decided.graceEndsAt();
            }
        }
        return graceEndsAt;
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

    static RecordQualifyingOrder order(String orderId, String amount, Instant paidAt) {
        return new RecordQualifyingOrder(MEMBER, "default", OrderId.of(orderId), cny(amount), paidAt, "evt-" + orderId);
    }

    static ReduceQualifyingOrder refund(String orderId, String refundId, String amount, Instant at) {
        return new ReduceQualifyingOrder(MEMBER, "default", OrderId.of(orderId), refundId, cny(amount), at, "evt-" + refundId);
    }

    static QualifyingValue cny(String amount) {
        return new QualifyingValue(new BigDecimal(amount), "CNY");
    }

    static Duration days(int days) {
        return Duration.ofDays(days);
    }

    static Duration hours(int hours) {
        return Duration.ofHours(hours);
    }
}
