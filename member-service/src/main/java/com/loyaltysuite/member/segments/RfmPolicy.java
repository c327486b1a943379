package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.RfmScore;
import com.loyaltysuite.events.segment.RfmSegment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Scores a member's paid orders on recency, frequency and monetary value, places them in one of the
 * eight RFM groups and a lifecycle stage, and says when time alone will change that (the next
 * threshold the member crosses without a new order). Plain rules: the aggregate keeps the orders and
 * records what this decides.
 */
public final class RfmPolicy {

    private final String policyVersion;
    private final String currency;
    private final Duration window;
    private final int windowDays;
    private final int recentDays;
    private final int frequentOrders;
    private final BigDecimal highSpend;
    private final int newDays;
    private final int dormantDays;
    private final int churnedDays;

    RfmPolicy(SegmentProperties p) {
        if (p.windowDays() < 1 || p.recentDays() < 1 || p.frequentOrders() < 1 || p.newDays() < 1) {
            throw new IllegalArgumentException("loyalty.segments: window-days, recent-days, frequent-orders and new-days must be positive");
        }
        if (p.highSpend() == null || p.highSpend().signum() <= 0) {
            throw new IllegalArgumentException("loyalty.segments.high-spend must be positive");
        }
        if (p.dormantDays() < 1 || p.churnedDays() <= p.dormantDays()) {
            throw new IllegalArgumentException("loyalty.segments: dormant-days must be positive and below churned-days");
        }
        this.policyVersion = p.policyVersion();
        this.currency = p.currency();
        this.windowDays = p.windowDays();
        this.window = Duration.ofDays(p.windowDays());
        this.recentDays = p.recentDays();
        this.frequentOrders = p.frequentOrders();
        this.highSpend = p.highSpend();
        this.newDays = p.newDays();
        this.dormantDays = p.dormantDays();
        this.churnedDays = p.churnedDays();
    }

    public static RfmPolicy of(SegmentProperties properties) {
        return new RfmPolicy(properties);
    }

    /** The thresholds the suite ships with (see {@link SegmentProperties}). */
    public static RfmPolicy defaults() {
        return new RfmPolicy(new SegmentProperties("rfm-v1", "CNY", 365, 90, 3, new BigDecimal("1000"), 30, 90, 180));
    }

    public String currency() {
        return currency;
    }

    /** True while an order paid at {@code paidAt} counts in the window ending at {@code at}. */
    boolean inWindow(Instant paidAt, Instant at) {
        return at.isBefore(paidAt.plus(window));
    }

    /**
     * The member's standing at {@code at} from their paid orders: {@code orders} are those still in the
     * window (or more; the others are left out here), {@code firstPaidAt} and {@code lastPaidAt} their
     * first and last paid order ever.
     */
    public RfmAssessment assess(Collection<CountedOrder> orders, Instant firstPaidAt, Instant lastPaidAt, Instant at) {
        Objects.requireNonNull(lastPaidAt, "lastPaidAt");
        int recencyDays = daysBetween(lastPaidAt, at);
        int sinceFirst = daysBetween(firstPaidAt, at);
        List<CountedOrder> counted = orders.stream()
                .filter(o -> inWindow(o.paidAt(), at) && o.net().signum() > 0)
                .toList();
        int frequency = counted.size();
        BigDecimal monetary = counted.stream()
                .filter(o -> o.currency().equals(currency))
                .map(CountedOrder::net)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        RfmScore r = RfmScore.high(recencyDays < recentDays);
        RfmScore f = RfmScore.high(frequency >= frequentOrders);
        RfmScore m = RfmScore.high(monetary.compareTo(highSpend) >= 0);
        RfmSegment segment = RfmSegment.of(r, f, m);
        LifecycleStage stage = recencyDays >= churnedDays
                ? LifecycleStage.CHURNED
                : recencyDays >= dormantDays ? LifecycleStage.DORMANT : sinceFirst < newDays ? LifecycleStage.NEW : LifecycleStage.ACTIVE;
        String reason = reason(recencyDays, frequency, monetary, r, f, m, segment, stage, sinceFirst);
        return new RfmAssessment(
                at,
                at.minus(window),
                recencyDays,
                frequency,
                new Money(monetary, currency),
                r,
                f,
                m,
                segment,
                stage,
                firstPaidAt,
                lastPaidAt,
                reason,
                policyVersion,
                nextCrossing(counted, firstPaidAt, lastPaidAt, at));
    }

    /**
     * The first instant after {@code at} at which time alone changes a score or the stage: recency
     * reaching its threshold, the stage thresholds, or a counted order leaving the window.
     */
    private Instant nextCrossing(List<CountedOrder> counted, Instant firstPaidAt, Instant lastPaidAt, Instant at) {
        List<Instant> candidates = new ArrayList<>();
        candidates.add(lastPaidAt.plus(Duration.ofDays(recentDays)));
        candidates.add(lastPaidAt.plus(Duration.ofDays(dormantDays)));
        candidates.add(lastPaidAt.plus(Duration.ofDays(churnedDays)));
        candidates.add(firstPaidAt.plus(Duration.ofDays(newDays)));
        counted.forEach(o -> candidates.add(o.paidAt().plus(window)));
        return candidates.stream().filter(c -> c.isAfter(at)).min(Comparator.naturalOrder()).orElse(null);
    }

    private String reason(
            int recencyDays,
            int frequency,
            BigDecimal monetary,
            RfmScore r,
            RfmScore f,
            RfmScore m,
            RfmSegment segment,
            LifecycleStage stage,
            int sinceFirst) {
        return "R " + r + ": last paid order " + recencyDays + " days ago (high under " + recentDays + " days); "
                + "F " + f + ": " + frequency + " paid orders in the last " + windowDays + " days (high from "
                + frequentOrders + "); "
                + "M " + m + ": " + monetary.toPlainString() + " " + currency + " net in the last " + windowDays
                + " days (high from " + highSpend.toPlainString() + " " + currency + "); "
                + "so " + segment.chineseName() + " (" + segment + "); stage " + stage + ": first paid order "
                + sinceFirst + " days ago (new under " + newDays + "), dormant from " + dormantDays
                + " days without an order, churned from " + churnedDays;
    }

    /** Whole days from {@code from} to {@code to}, never negative (an order paid after the clock counts as today). */
    private static int daysBetween(Instant from, Instant to) {
        long days = Duration.between(from, to).toDays();
        return (int) Math.max(0, days);
    }
}
