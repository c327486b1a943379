package com.loyaltysuite.points.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.points.redemption.InsufficientPointsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The lot ledger's invariants over random sequences of earn, make available, refund, reserve,
 * confirm, cancel, expire and adjust, decided as the account decides them and recorded as the
 * changes its events carry.
 */
class LotLedgerPropertyTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** An operation the test drives, with small integers the ledger's state gives meaning to. */
    record Op(int kind, long points, int pick, int days) {}

    /** A recorded change, as an account event carries it; replaying these must rebuild the ledger. */
    sealed interface Change {
        void applyTo(LotLedger ledger);

        /** What the change does to the balance, as the ledger projection would write it. */
        long movement();
    }

    record Added(String lotId, long points, long repaid, Instant earnedAt, Instant expiresAt, boolean available)
            implements Change {
        public void applyTo(LotLedger l) {
            l.addLot(lotId, points, repaid, earnedAt, expiresAt, available);
        }

        public long movement() {
            return points;
        }
    }

    record MadeAvailable(String lotId) implements Change {
        public void applyTo(LotLedger l) {
            l.makeAvailable(lotId);
        }

        public long movement() {
            return 0;
        }
    }

    record Taken(List<LotDraw> draws, long debtAdded) implements Change {
        public void applyTo(LotLedger l) {
            l.take(draws, debtAdded);
        }

        public long movement() {
            return -(draws.stream().mapToLong(LotDraw::points).sum() + debtAdded);
        }
    }

    record Held(String reservationId, List<LotDraw> draws) implements Change {
        public void applyTo(LotLedger l) {
            l.hold(reservationId, draws);
        }

        public long movement() {
            return 0;
        }
    }

    record SpentHeld(String reservationId, long points) implements Change {
        public void applyTo(LotLedger l) {
            l.spendHeld(reservationId);
        }

        public long movement() {
            return -points;
        }
    }

    record Released(String reservationId) implements Change {
        public void applyTo(LotLedger l) {
            l.release(reservationId);
        }

        public long movement() {
            return 0;
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = net.jqwik.api.Combinators.combine(
                        Arbitraries.integers().between(0, 8),
                        Arbitraries.longs().between(0, 2_000),
                        Arbitraries.integers().between(0, 50),
                        Arbitraries.integers().between(0, 400))
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 500)
    void balanceIsTheSumOfTheLedgerAndNothingIsSpentTwice(@ForAll("operations") @Size(max = 60) List<Op> ops) {
        LotLedger ledger = new LotLedger();
        List<Change> recorded = new ArrayList<>();
        List<String> openHolds = new ArrayList<>();
        Instant now = T0;
        int counter = 0;

        for (Op op : ops) {
            now = now.plus(Duration.ofDays(op.days() % 20));
            List<Change> changes = decide(ledger, op, now, counter++, openHolds);
            long availableBefore = ledger.available();
            for (Change change : changes) {
                change.applyTo(ledger);
                recorded.add(change);
            }
            assertInvariants(ledger, recorded);
            if (op.kind() == 3 && !changes.isEmpty()) {
                // a reservation never takes more than was available
                assertThat(ledger.available()).isEqualTo(availableBefore - op.points());
            }
        }

        LotLedger replayed = new LotLedger();
        recorded.forEach(change -> change.applyTo(replayed));
        assertThat(replayed.snapshot()).isEqualTo(ledger.snapshot());
        assertThat(replayed.totals()).isEqualTo(ledger.totals());
    }

    @Property(tries = 200)
    void redemptionNeverTakesMoreThanIsAvailable(@ForAll("operations") List<Op> ops) {
        LotLedger ledger = new LotLedger();
        List<String> openHolds = new ArrayList<>();
        Instant now = T0;
        int counter = 0;
        for (Op op : ops) {
            now = now.plus(Duration.ofDays(op.days() % 20));
            long available = ledger.available();
            boolean mustRefuse = op.kind() == 3 && op.points() > available;
            List<Change> changes = decide(ledger, op, now, counter++, openHolds);
            if (mustRefuse) {
                assertThat(changes).isEmpty();
            }
            changes.forEach(c -> c.applyTo(ledger));
            assertThat(ledger.available()).isNotNegative();
        }
    }

    /** The account's decisions, in miniature: each returns the changes its event would carry. */
    private static List<Change> decide(LotLedger ledger, Op op, Instant now, int n, List<String> openHolds) {
        List<String> lotIds = ledger.snapshot().lots().stream().map(LotLedger.LotState::lotId).toList();
        switch (op.kind()) {
            case 0 -> { // earn an order
                long repaid = ledger.debtRepaidBy(op.points());
                return List.of(new Added("order:" + n, op.points(), repaid, now, now.plus(Duration.ofDays(365)), false));
            }
            case 1 -> { // a pending period ends
                return lotIds.stream()
                        .filter(id -> !ledger.isAvailable(id))
                        .skip(lotIds.isEmpty() ? 0 : op.pick() % Math.max(1, lotIds.size()))
                        .findFirst()
                        .<List<Change>>map(id -> List.of(new MadeAvailable(id)))
                        .orElse(List.of());
            }
            case 2 -> { // a refund of one order
                if (lotIds.isEmpty()) {
                    return List.of();
                }
                String lot = lotIds.get(op.pick() % lotIds.size());
                LotLedger.Removal removal = ledger.drawsToRemove(lot, op.points() % 500);
                return List.of(new Taken(removal.draws(), removal.debtAdded()));
            }
            case 3 -> { // reserve at checkout
                if (op.points() == 0) {
                    return List.of();
                }
                try {
                    List<LotDraw> draws = ledger.drawsToSpend(op.points());
                    openHolds.add("rs-" + n);
                    return List.of(new Held("rs-" + n, draws));
                } catch (InsufficientPointsException refused) {
                    return List.of();
                }
            }
            case 4 -> { // confirm
                if (openHolds.isEmpty()) {
                    return List.of();
                }
                String id = openHolds.remove(op.pick() % openHolds.size());
                long held = ledger.heldBy(id).stream().mapToLong(LotDraw::points).sum();
                return List.of(new SpentHeld(id, held));
            }
            case 5 -> { // cancel or expire a reservation; released points past expiry expire at once
                if (openHolds.isEmpty()) {
                    return List.of();
                }
                String id = openHolds.remove(op.pick() % openHolds.size());
                LotLedger trial = ledger.copy();
                trial.release(id);
                List<LotDraw> expiring = trial.drawsExpiringBy(now);
                return expiring.isEmpty()
                        ? List.of(new Released(id))
                        : List.of(new Released(id), new Taken(expiring, 0));
            }
            case 6 -> { // expiry run
                List<LotDraw> draws = ledger.drawsExpiringBy(now);
                return draws.isEmpty() ? List.of() : List.of(new Taken(draws, 0));
            }
            case 7 -> { // support adds points
                long repaid = ledger.debtRepaidBy(op.points());
                return List.of(new Added("adjustment:" + n, op.points(), repaid, now, now.plus(Duration.ofDays(365)), true));
            }
            default -> { // support removes points
                LotLedger.Removal removal = ledger.drawsToRemove(null, op.points());
                return List.of(new Taken(removal.draws(), removal.debtAdded()));
            }
        }
    }

    private static void assertInvariants(LotLedger ledger, List<Change> recorded) {
        long ledgerSum = recorded.stream().mapToLong(Change::movement).sum();
        assertThat(ledger.balance()).as("balance = sum of the ledger").isEqualTo(ledgerSum);
        assertThat(ledger.available()).isNotNegative();
        assertThat(ledger.pending()).isNotNegative();
        assertThat(ledger.reserved()).isNotNegative();
        assertThat(ledger.debt()).isNotNegative();
        for (LotLedger.LotState lot : ledger.snapshot().lots()) {
            assertThat(lot.remaining()).as("remaining of %s", lot.lotId()).isNotNegative();
            assertThat(lot.held()).as("held of %s", lot.lotId()).isNotNegative();
            assertThat(lot.repaid() + lot.remaining() + lot.held() + lot.consumed())
                    .as("no point of %s is spent twice", lot.lotId())
                    .isEqualTo(lot.points());
        }
        long heldByReservations = ledger.snapshot().holds().values().stream()
                .flatMap(List::stream)
                .mapToLong(LotDraw::points)
                .sum();
        assertThat(heldByReservations).isEqualTo(ledger.reserved());
        assertThat(ledger.totals().balance()).isEqualTo(ledger.balance());
    }
}
