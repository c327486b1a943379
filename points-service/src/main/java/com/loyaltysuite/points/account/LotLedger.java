package com.loyaltysuite.points.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.points.redemption.InsufficientPointsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lots of a member's points (积分批次), as plain Java so its invariants can be property-tested.
 * Every earning or positive adjustment is a lot; points leave lots first-earned first-spent. Points
 * move between three states inside a lot: remaining (pending until the lot is available), held by
 * an open reservation, and consumed (redeemed, reversed, expired or removed). Refunds of points that
 * are already spent leave a debt, which the next points added repay first.
 *
 * <p>Deciding (the {@code draws…} methods) never changes the ledger; only the changing methods do,
 * and they take the decision as recorded on an event, so replaying the events rebuilds the ledger
 * without deciding anything again.
 *
 * <p>It is part of the account's snapshot, which Jackson writes and reads field by field.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class LotLedger {

    private final Map<String, Lot> lots = new LinkedHashMap<>();
    private final Map<String, List<LotDraw>> holds = new LinkedHashMap<>();
    private long debt;

    /** The decision of a removal: points taken from lots, and the part no lot could cover. */
    public record Removal(List<LotDraw> draws, long debtAdded) {

        public Removal {
            draws = List.copyOf(draws);
        }
    }

    /** One lot, as a value, for comparing ledgers. */
    public record LotState(
            String lotId,
            Instant earnedAt,
            Instant expiresAt,
            long points,
            long repaid,
            long remaining,
            long held,
            long consumed,
            boolean available) {}

    /** The whole ledger as a value: equal snapshots mean identical ledgers. */
    public record Snapshot(List<LotState> lots, Map<String, List<LotDraw>> holds, long debt) {}

    // ---- questions

    public long available() {
        return lots.values().stream().filter(l -> l.available).mapToLong(l -> l.remaining).sum();
    }

    public long pending() {
        return lots.values().stream().filter(l -> !l.available).mapToLong(l -> l.remaining).sum();
    }

    public long reserved() {
        return lots.values().stream().mapToLong(l -> l.held).sum();
    }

    public long debt() {
        return debt;
    }

    public long balance() {
        return available() + pending() + reserved() - debt;
    }

    public boolean hasLot(String lotId) {
        return lots.containsKey(lotId);
    }

    public boolean isAvailable(String lotId) {
        return lot(lotId).available;
    }

    public long remaining(String lotId) {
        return lot(lotId).remaining;
    }

    /** Unspent points (not held by a reservation) per expiry instant, soonest first. */
    public List<ExpiryBucket> expiries() {
        Map<Instant, Long> byDate = new TreeMap<>();
        lots.values().stream()
                .filter(l -> l.remaining > 0)
                .forEach(l -> byDate.merge(l.expiresAt, l.remaining, Long::sum));
        return byDate.entrySet().stream()
                .map(e -> new ExpiryBucket(e.getKey(), e.getValue()))
                .toList();
    }

    /** Unspent points of lots that expire exactly at {@code expiresAt}. */
    public long remainingExpiringAt(Instant expiresAt) {
        return lots.values().stream()
                .filter(l -> l.expiresAt.equals(expiresAt))
                .mapToLong(l -> l.remaining)
                .sum();
    }

    public PointsTotals totals() {
        return new PointsTotals(available(), pending(), reserved(), debt, expiries());
    }

    public Snapshot snapshot() {
        List<LotState> states = lots.values().stream()
                .map(l -> new LotState(
                        l.id, l.earnedAt, l.expiresAt, l.points, l.repaid, l.remaining, l.held, l.consumed, l.available))
                .toList();
        Map<String, List<LotDraw>> holdsCopy = new LinkedHashMap<>();
        holds.forEach((id, draws) -> holdsCopy.put(id, List.copyOf(draws)));
        return new Snapshot(states, holdsCopy, debt);
    }

    // ---- decisions (no change)

    /** The part of {@code points} newly added that repays the debt first. */
    public long debtRepaidBy(long points) {
        return Math.min(debt, Math.max(0, points));
    }

    /** Available points to spend, first-earned first; refuses more than is available. */
    public List<LotDraw> drawsToSpend(long points) {
        long available = available();
        if (points > available) {
            throw new InsufficientPointsException(points, available);
        }
        List<LotDraw> draws = new ArrayList<>();
        long left = points;
        for (Lot lot : fifo()) {
            if (left == 0) {
                break;
            }
            if (lot.available && lot.remaining > 0) {
                long take = Math.min(left, lot.remaining);
                draws.add(new LotDraw(lot.id, take));
                left -= take;
            }
        }
        return draws;
    }

    /**
     * Points to take back (a refund, a removal by support staff): from {@code preferredLotId} first
     * (the refunded order's own lot; may be null), then available lots, then pending ones, first-earned
     * first; what no lot covers becomes debt. Points held by a reservation are never taken.
     */
    public Removal drawsToRemove(String preferredLotId, long points) {
        List<LotDraw> draws = new ArrayList<>();
        long left = Math.max(0, points);
        Lot preferred = preferredLotId == null ? null : lots.get(preferredLotId);
        List<Lot> fifo = fifo();
        // Lots are told apart by identity: a list's contains() compared whole lot states, which made
        // a refund quadratic in the lots of a member with hundreds of them.
        List<Lot> order = new ArrayList<>(lots.size());
        if (preferred != null) {
            order.add(preferred);
        }
        fifo.stream().filter(l -> l.available && l != preferred).forEach(order::add);
        fifo.stream().filter(l -> !l.available && l != preferred).forEach(order::add);
        for (Lot lot : order) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining);
            if (take > 0) {
                draws.add(new LotDraw(lot.id, take));
                left -= take;
            }
        }
        return new Removal(draws, left);
    }

    /** The unspent points of every lot whose expiry instant is at or before {@code at}. */
    public List<LotDraw> drawsExpiringBy(Instant at) {
        return fifo().stream()
                .filter(l -> !l.expiresAt.isAfter(at) && l.remaining > 0)
                .map(l -> new LotDraw(l.id, l.remaining))
                .toList();
    }

    public List<LotDraw> heldBy(String reservationId) {
        List<LotDraw> draws = holds.get(reservationId);
        if (draws == null) {
            throw new LedgerInconsistencyException("No hold " + reservationId);
        }
        return List.copyOf(draws);
    }

    // ---- changes, each applying a recorded decision

    /** A new lot of {@code points}, of which {@code repaid} went to the debt. */
    public void addLot(String lotId, long points, long repaid, Instant earnedAt, Instant expiresAt, boolean available) {
        if (lots.containsKey(lotId)) {
            throw new LedgerInconsistencyException("Lot " + lotId + " exists already");
        }
        if (points < 0 || repaid < 0 || repaid > points || repaid > debt) {
            throw new LedgerInconsistencyException("Lot " + lotId + " of " + points + " cannot repay " + repaid);
        }
        Lot lot = new Lot(lotId, earnedAt, expiresAt, points, lots.size());
        lot.repaid = repaid;
        lot.remaining = points - repaid;
        lot.available = available;
        debt -= repaid;
        lots.put(lotId, lot);
    }

    public void makeAvailable(String lotId) {
        lot(lotId).available = true;
    }

    /** Takes points out of lots for good, and records what no lot covered as debt. */
    public void take(List<LotDraw> draws, long debtAdded) {
        if (debtAdded < 0) {
            throw new LedgerInconsistencyException("Negative debt " + debtAdded);
        }
        for (LotDraw draw : draws) {
            Lot lot = lot(draw.lotId());
            lot.checkCanGive(draw.points());
            lot.remaining -= draw.points();
            lot.consumed += draw.points();
        }
        debt += debtAdded;
    }

    /** Earmarks points for a reservation: they stay the member's but cannot be spent twice. */
    public void hold(String reservationId, List<LotDraw> draws) {
        if (holds.containsKey(reservationId)) {
            throw new LedgerInconsistencyException("Hold " + reservationId + " exists already");
        }
        for (LotDraw draw : draws) {
            Lot lot = lot(draw.lotId());
            lot.checkCanGive(draw.points());
            lot.remaining -= draw.points();
            lot.held += draw.points();
        }
        holds.put(reservationId, List.copyOf(draws));
    }

    /** A confirmed reservation: its held points are spent. Returns how many. */
    public long spendHeld(String reservationId) {
        long spent = 0;
        for (LotDraw draw : heldBy(reservationId)) {
            Lot lot = lot(draw.lotId());
            lot.held -= draw.points();
            lot.consumed += draw.points();
            spent += draw.points();
        }
        holds.remove(reservationId);
        return spent;
    }

    /** A cancelled or expired reservation: its held points go back to their lots. */
    public void release(String reservationId) {
        for (LotDraw draw : heldBy(reservationId)) {
            Lot lot = lot(draw.lotId());
            lot.held -= draw.points();
            lot.remaining += draw.points();
        }
        holds.remove(reservationId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LotLedger ledger && snapshot().equals(ledger.snapshot());
    }

    @Override
    public int hashCode() {
        return snapshot().hashCode();
    }

    public LotLedger copy() {
        LotLedger copy = new LotLedger();
        lots.values().forEach(l -> copy.lots.put(l.id, l.copy()));
        holds.forEach((id, draws) -> copy.holds.put(id, List.copyOf(draws)));
        copy.debt = debt;
        return copy;
    }

    private List<Lot> fifo() {
        return lots.values().stream()
                .sorted(Comparator.comparing((Lot l) -> l.earnedAt).thenComparingInt(l -> l.sequence))
                .toList();
    }

    private Lot lot(String lotId) {
        Lot lot = lots.get(lotId);
        if (lot == null) {
            throw new LedgerInconsistencyException("No lot " + lotId);
        }
        return lot;
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
    private static final class Lot {
        final String id;
        final Instant earnedAt;
        final Instant expiresAt;
        final long points;
        final int sequence;
        long repaid;
        long remaining;
        long held;
        long consumed;
        boolean available;

        Lot(String id, Instant earnedAt, Instant expiresAt, long points, int sequence) {
            this.id = id;
            this.earnedAt = earnedAt;
            this.expiresAt = expiresAt;
            this.points = points;
            this.sequence = sequence;
        }

        void checkCanGive(long amount) {
            if (amount <= 0 || amount > remaining) {
                throw new LedgerInconsistencyException("Lot " + id + " has " + remaining + ", cannot give " + amount);
            }
        }

        private LotState state() {
            return new LotState(id, earnedAt, expiresAt, points, repaid, remaining, held, consumed, available);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Lot lot && state().equals(lot.state()) && sequence == lot.sequence;
        }

        @Override
        public int hashCode() {
            return state().hashCode();
        }

        Lot copy() {
            Lot copy = new Lot(id, earnedAt, expiresAt, points, sequence);
            copy.repaid = repaid;
            copy.remaining = remaining;
            copy.held = held;
            copy.consumed = consumed;
            copy.available = available;
            return copy;
        }
    }

    /** A recorded movement does not fit the ledger: a bug, never a member's mistake. */
    public static class LedgerInconsistencyException extends IllegalStateException {

        LedgerInconsistencyException(String message) {
            super(message);
        }
    }
}
