package com.loyaltysuite.member.anomalies;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Watches one member's payments and refunds for anomalies (异常监控). Keeps what the rules' windows
 * reach and the windows rules already fired for, checks each new payment and refund with the {@link
 * AnomalyRules}, and records each hit as an {@link AnomalyRecorded}. A payment or refund seen before
 * (the order system re-sent it) is not checked again. Its own stream: its id is {@link #idOf(MemberId)}.
 */
@Aggregate(cache = "paymentMonitorCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("2") // a snapshot is its fields: bump when they change (2 added the time zones)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class PaymentMonitor {

    private static final String ID_PREFIX = "payment-monitor:";

    @AggregateIdentifier
    private String monitorId;

    private MemberId memberId;
    private String programId;
    private List<MonitoredPayment> payments = new ArrayList<>();
    private List<MonitoredRefund> refunds = new ArrayList<>();
    private List<StatusInForce> statuses = new ArrayList<>();
    /** The member's own time zones over time, from their profile; none known: the programme's zone. */
    private List<TimeZoneInForce> zones = new ArrayList<>();
    private List<FiredWindow> fired = new ArrayList<>();
    /** What is up to this instant was let go; a payment or refund from before it is not checked. */
    private Instant keepAfter;

    protected PaymentMonitor() {
        // for Axon
    }

    public static String idOf(MemberId memberId) {
        return ID_PREFIX + memberId.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMonitoredPayment command, AnomalyRules rules, Clock clock) {
        MonitoredPayment payment = new MonitoredPayment(command.orderId(), command.amount(), command.paidAt());
        if (tooOld(payment.paidAt()) || payments.stream().anyMatch(p -> p.orderId().equals(command.orderId()))) {
            return;
        }
        List<AnomalyHit> hits = rules.onPayment(
                payment, payments, refunds, statusAt(payment.paidAt()), zoneAt(payment.paidAt()), fired);
        apply(new MonitoredPaymentRecorded(
                command.memberId(),
                command.programId(),
                payment,
                latestKeepAfter(payment.paidAt().minus(rules.retention())),
                command.causationId()));
        hits.forEach(hit -> recordHit(hit, clock, command.causationId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMonitoredRefund command, AnomalyRules rules, Clock clock) {
        MonitoredRefund refund =
                new MonitoredRefund(command.refundId(), command.orderId(), command.amount(), command.refundedAt());
        if (tooOld(refund.refundedAt()) || refunds.stream().anyMatch(r -> r.refundId().equals(command.refundId()))) {
            return;
        }
        List<AnomalyHit> hits = rules.onRefund(refund, payments, refunds, fired);
        apply(new MonitoredRefundRecorded(
                command.memberId(),
                command.programId(),
                refund,
                latestKeepAfter(refund.refundedAt().minus(rules.retention())),
                command.causationId()));
        hits.forEach(hit -> recordHit(hit, clock, command.causationId()));
    }

    /** A status change already noted (the same instant and status) is not noted twice. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMonitoredStatus command) {
        boolean known = statuses.stream()
                .anyMatch(s -> s.status() == command.status() && s.since().equals(command.changedAt()));
        if (!known) {
            apply(new MonitoredStatusRecorded(
                    command.memberId(), command.programId(), command.status(), command.changedAt(), command.causationId()));
        }
    }

    /** A time zone already noted (the same instant and zone) is not noted twice. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMonitoredTimeZone command) {
        boolean known = zones.stream()
                .anyMatch(z -> z.zone().equals(command.timeZone()) && z.since().equals(command.changedAt()));
        if (!known) {
            apply(new MonitoredTimeZoneRecorded(
                    command.memberId(), command.programId(), command.timeZone(), command.changedAt(), command.causationId()));
        }
    }

    private void recordHit(AnomalyHit hit, Clock clock, String causationId) {
        apply(new AnomalyRecorded(
                memberId,
                programId,
                hit.rule(),
                hit.windowStart(),
                hit.windowEnd(),
                hit.orderIds(),
                hit.observed(),
                hit.threshold(),
                hit.unit(),
                hit.description(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                List.of(causationId)));
    }

    /** The member's status at {@code at}: the last change noted at or before it, active if none. */
    private MemberStatus statusAt(Instant at) {
        StatusInForce latest = inForceAt(statuses, StatusInForce::since, at);
        return latest == null ? MemberStatus.ACTIVE : latest.status();
    }

    /** The member's own time zone at {@code at}: the last one noted at or before it, {@code null} if none. */
    private String zoneAt(Instant at) {
        TimeZoneInForce latest = inForceAt(zones, TimeZoneInForce::since, at);
        return latest == null ? null : latest.zone();
    }

    /** Of changes noted in any order, the last one made at or before {@code at}; {@code null} if none. */
    private static <T> T inForceAt(List<T> changes, Function<T, Instant> since, Instant at) {
        T latest = null;
        for (T change : changes) {
            if (!since.apply(change).isAfter(at) && (latest == null || !since.apply(change).isBefore(since.apply(latest)))) {
                latest = change;
            }
        }
        return latest;
    }

    private boolean tooOld(Instant at) {
        return keepAfter != null && !at.isAfter(keepAfter);
    }

    private Instant latestKeepAfter(Instant candidate) {
        return keepAfter == null || candidate.isAfter(keepAfter) ? candidate : keepAfter;
    }

    @EventSourcingHandler
    void on(MonitoredPaymentRecorded event) {
        identify(event.memberId(), event.programId());
        payments.add(event.payment());
        letGo(event.keepAfter());
    }

    @EventSourcingHandler
    void on(MonitoredRefundRecorded event) {
        identify(event.memberId(), event.programId());
        refunds.add(event.refund());
        letGo(event.keepAfter());
    }

    @EventSourcingHandler
    void on(MonitoredStatusRecorded event) {
        identify(event.memberId(), event.programId());
        statuses.add(new StatusInForce(event.status(), event.changedAt()));
    }

    @EventSourcingHandler
    void on(MonitoredTimeZoneRecorded event) {
        identify(event.memberId(), event.programId());
        zones.add(new TimeZoneInForce(event.timeZone(), event.changedAt()));
    }

    @EventSourcingHandler
    void on(AnomalyRecorded event) {
        fired.add(new FiredWindow(event.rule(), event.windowStart(), event.windowEnd()));
    }

    private void identify(MemberId member, String program) {
        if (monitorId == null) {
            monitorId = idOf(member);
            memberId = member;
            programId = program;
        }
    }

    /** Payments, refunds and fired windows no window can reach any more; the status and zone in force at that time stay. */
    private void letGo(Instant after) {
        keepAfter = after;
        payments.removeIf(p -> !p.paidAt().isAfter(after));
        refunds.removeIf(r -> !r.refundedAt().isAfter(after));
        fired.removeIf(w -> !w.end().isAfter(after));
        MemberStatus inForce = statusAt(after);
        boolean dropped = statuses.removeIf(s -> !s.since().isAfter(after));
        if (dropped && inForce != MemberStatus.ACTIVE) {
            statuses.add(0, new StatusInForce(inForce, after));
        }
        String zoneThen = zoneAt(after);
        if (zones.removeIf(z -> !z.since().isAfter(after)) && zoneThen != null) {
            zones.add(0, new TimeZoneInForce(zoneThen, after));
        }
    }
}
