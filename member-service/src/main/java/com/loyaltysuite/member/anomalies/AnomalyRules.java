package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.anomaly.AnomalyRule;
import com.loyaltysuite.events.member.MemberStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The anomaly rules (异常监控): plain checks of one new payment or refund against the member's recent
 * payments and refunds. Each hit has a window; a rule never fires for a window that overlaps one it
 * already fired for, so it fires at most once per member per window. Times are the events' own
 * (paid and refunded times), so a replay or a late record decides alike.
 */
public final class AnomalyRules {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final AnomalyProperties properties;
    private final ZoneId zone;
    private final LocalTime nightFrom;
    private final LocalTime nightTo;

    AnomalyRules(AnomalyProperties properties) {
        this.properties = properties;
        this.zone = ZoneId.of(properties.zone());
        this.nightFrom = LocalTime.parse(properties.nightPayment().from());
        this.nightTo = LocalTime.parse(properties.nightPayment().to());
        if (nightFrom.equals(nightTo)) {
            throw new IllegalArgumentException("loyalty.anomalies.night-payment: from and to must differ");
        }
        if (properties.highFrequency().maxPayments() < 1 || properties.refundRatio().percent().signum() < 0) {
            throw new IllegalArgumentException("loyalty.anomalies: max-payments must be positive and percent not negative");
        }
    }

    public static AnomalyRules of(AnomalyProperties properties) {
        return new AnomalyRules(properties);
    }

    /**
     * How far back payments and refunds are kept: the longest window a rule looks back over, or may
     * still have fired for.
     */
    public Duration retention() {
        return Stream.of(
                        properties.highFrequency().within(),
                        properties.refundRatio().window(),
                        properties.largePayment().window(),
                        properties.inactiveMember().window(),
                        Duration.ofDays(1))
                .max(Duration::compareTo)
                .orElseThrow();
    }

    /**
     * The rules a new payment breaks. {@code earlier} are the member's kept payments before this one,
     * {@code refunds} their kept refunds, {@code status} their status when they paid, {@code memberZone}
     * the time zone of their profile then ({@code null} if they set none: the programme's {@code zone}),
     * {@code fired} the windows rules already fired for.
     */
    public List<AnomalyHit> onPayment(
            MonitoredPayment payment,
            Collection<MonitoredPayment> earlier,
            Collection<MonitoredRefund> refunds,
            MemberStatus status,
            String memberZone,
            Collection<FiredWindow> fired) {
        List<AnomalyHit> hits = new ArrayList<>();
        large(payment).ifPresent(hits::add);
        highFrequency(payment, earlier).ifPresent(hits::add);
        night(payment, zoneOf(memberZone)).ifPresent(hits::add);
        inactive(payment, status).ifPresent(hits::add);
        // Refunds of this order that came before it are judged now that its spend is known.
        List<MonitoredPayment> withThis = Stream.concat(earlier.stream(), Stream.of(payment)).toList();
        for (MonitoredRefund refund : refunds) {
            if (refund.orderId().equals(payment.orderId())) {
                List<MonitoredRefund> others = refunds.stream().filter(r -> r != refund).toList();
                refundRatio(refund, withThis, others).ifPresent(hits::add);
            }
        }
        return notFiredYet(hits, fired);
    }

    /** Hits of one event may overlap one another (two early refunds of one order): the first stands. */
    private static List<AnomalyHit> notFiredYet(List<AnomalyHit> hits, Collection<FiredWindow> fired) {
        List<FiredWindow> windows = new ArrayList<>(fired);
        List<AnomalyHit> kept = new ArrayList<>();
        for (AnomalyHit hit : hits) {
            if (windows.stream().noneMatch(w -> w.overlaps(hit.rule(), hit.windowStart(), hit.windowEnd()))) {
                kept.add(hit);
                windows.add(new FiredWindow(hit.rule(), hit.windowStart(), hit.windowEnd()));
            }
        }
        return kept;
    }

    /** The rules a new refund breaks, given the member's kept payments and earlier refunds. */
    public List<AnomalyHit> onRefund(
            MonitoredRefund refund,
            Collection<MonitoredPayment> payments,
            Collection<MonitoredRefund> earlier,
            Collection<FiredWindow> fired) {
        return notFiredYet(refundRatio(refund, payments, earlier).stream().toList(), fired);
    }

    private Optional<AnomalyHit> large(MonitoredPayment payment) {
        var rule = properties.largePayment();
        if (!rule.enabled()
                || !payment.amount().isCurrency(properties.currency())
                || payment.amount().value().compareTo(rule.threshold()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new AnomalyHit(
                AnomalyRule.LARGE_PAYMENT,
                payment.paidAt(),
                payment.paidAt().plus(rule.window()),
                List.of(payment.orderId()),
                payment.amount().value().toPlainString(),
                rule.threshold().toPlainString(),
                properties.currency(),
                "A payment of " + payment.amount().value().toPlainString() + " " + properties.currency()
                        + " is above the " + rule.threshold().toPlainString() + " " + properties.currency() + " threshold"));
    }

    /** The window is the {@code within} before and up to this payment, which it includes. */
    private Optional<AnomalyHit> highFrequency(MonitoredPayment payment, Collection<MonitoredPayment> earlier) {
        var rule = properties.highFrequency();
        if (!rule.enabled()) {
            return Optional.empty();
        }
        Instant end = payment.paidAt();
        Instant start = end.minus(rule.within());
        List<OrderId> inWindow = new ArrayList<>();
        for (MonitoredPayment p : earlier) {
            if (p.paidAt().isAfter(start) && !p.paidAt().isAfter(end)) {
                inWindow.add(p.orderId());
            }
        }
        inWindow.add(payment.orderId());
        if (inWindow.size() <= rule.maxPayments()) {
            return Optional.empty();
        }
        return Optional.of(new AnomalyHit(
                AnomalyRule.HIGH_FREQUENCY,
                start,
                end,
                inWindow,
                String.valueOf(inWindow.size()),
                String.valueOf(rule.maxPayments()),
                "payments",
                inWindow.size() + " payments within " + rule.within().toMinutes() + " minutes; more than "
                        + rule.maxPayments() + " is anomalous"));
    }

    /** The member's own zone when they set one (member-service checked it is an IANA id), else the programme's. */
    private ZoneId zoneOf(String memberZone) {
        if (memberZone == null) {
            return zone;
        }
        try {
            return ZoneId.of(memberZone);
        } catch (DateTimeException unknownHere) {
            return zone; // a zone id this JVM's time-zone data does not know yet
        }
    }

    /** The window is the night the payment fell in, from {@code from} to {@code to} in {@code localZone}. */
    private Optional<AnomalyHit> night(MonitoredPayment payment, ZoneId localZone) {
        if (!properties.nightPayment().enabled()) {
            return Optional.empty();
        }
        ZonedDateTime local = payment.paidAt().atZone(localZone);
        LocalTime time = local.toLocalTime();
        boolean wraps = nightFrom.isAfter(nightTo); // e.g. 23:00 to 05:00
        boolean inside = wraps
                ? !time.isBefore(nightFrom) || time.isBefore(nightTo)
                : !time.isBefore(nightFrom) && time.isBefore(nightTo);
        if (!inside) {
            return Optional.empty();
        }
        var startDate = wraps && time.isBefore(nightTo) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        ZonedDateTime start = startDate.atTime(nightFrom).atZone(localZone);
        ZonedDateTime end = (wraps ? startDate.plusDays(1) : startDate).atTime(nightTo).atZone(localZone);
        String hours = HH_MM.format(nightFrom) + "-" + HH_MM.format(nightTo);
        return Optional.of(new AnomalyHit(
                AnomalyRule.NIGHT_PAYMENT,
                start.toInstant(),
                end.toInstant(),
                List.of(payment.orderId()),
                HH_MM.format(time),
                hours,
                "local-time",
                "A payment at " + HH_MM.format(time) + " " + localZone + ", inside the watched hours " + hours));
    }

    private Optional<AnomalyHit> inactive(MonitoredPayment payment, MemberStatus status) {
        var rule = properties.inactiveMember();
        if (!rule.enabled() || status == null || status == MemberStatus.ACTIVE) {
            return Optional.empty();
        }
        return Optional.of(new AnomalyHit(
                AnomalyRule.INACTIVE_MEMBER_PAYMENT,
                payment.paidAt(),
                payment.paidAt().plus(rule.window()),
                List.of(payment.orderId()),
                status.name(),
                MemberStatus.ACTIVE.name(),
                "status",
                "A payment from a member whose status is " + status));
    }

    /**
     * The window is the {@code window} before and up to this refund. The refunds so far of the orders
     * paid in it, above {@code percent} % of what those orders cost, break the rule. A refund whose order
     * the monitor has not seen (it may overtake its payment, on another topic) is judged when the
     * payment comes.
     */
    private Optional<AnomalyHit> refundRatio(
            MonitoredRefund refund, Collection<MonitoredPayment> payments, Collection<MonitoredRefund> earlier) {
        var rule = properties.refundRatio();
        if (!rule.enabled() || payments.stream().noneMatch(p -> p.orderId().equals(refund.orderId()))) {
            return Optional.empty();
        }
        Instant end = refund.refundedAt();
        Instant start = end.minus(rule.window());
        BigDecimal spend = BigDecimal.ZERO;
        Set<OrderId> paidInWindow = new HashSet<>(); // sets: lists made this quadratic in a member's history
        for (MonitoredPayment p : payments) {
            if (p.paidAt().isAfter(start) && !p.paidAt().isAfter(end) && p.amount().isCurrency(properties.currency())) {
                spend = spend.add(p.amount().value());
                paidInWindow.add(p.orderId());
            }
        }
        BigDecimal refunded = BigDecimal.ZERO;
        Set<OrderId> refundedOrders = new LinkedHashSet<>();
        for (MonitoredRefund r : Stream.concat(earlier.stream(), Stream.of(refund)).toList()) {
            if (paidInWindow.contains(r.orderId())
                    && !r.refundedAt().isAfter(end)
                    && r.amount().isCurrency(properties.currency())) {
                refunded = refunded.add(r.amount().value());
                refundedOrders.add(r.orderId());
            }
        }
        BigDecimal allowed = spend.multiply(rule.percent()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        if (refunded.signum() == 0 || refunded.compareTo(allowed) <= 0) {
            return Optional.empty();
        }
        String cny = " " + properties.currency();
        return Optional.of(new AnomalyHit(
                AnomalyRule.REFUND_RATIO,
                start,
                end,
                List.copyOf(refundedOrders),
                refunded.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                allowed.toPlainString(),
                properties.currency(),
                "Refunds of " + refunded.setScale(2, RoundingMode.HALF_UP).toPlainString() + cny + " are "
                        + refunded.multiply(BigDecimal.valueOf(100)).divide(spend, 2, RoundingMode.HALF_UP).toPlainString()
                        + " % of the " + spend.setScale(2, RoundingMode.HALF_UP).toPlainString() + cny + " paid within "
                        + rule.window().toDays() + " days; more than " + rule.percent().toPlainString()
                        + " % is anomalous"));
    }
}
