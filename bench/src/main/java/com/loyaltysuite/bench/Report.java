package com.loyaltysuite.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The readable table printed at the end of a run. */
final class Report {

    private Report() {}

    static String phaseLine(Results.Phase p) {
        return String.format(Locale.ROOT,
                "%s: %d orders at %.0f/s%s; fully processed %.1f/s; PointsEarned p50 %s p99 %s max %s ms%s",
                p.name(), p.orders(), p.offeredRate(), p.aborted() ? " (stopped early)" : "",
                p.fullyProcessedPerSecond(), ms(p.pointsEarned().p50()), ms(p.pointsEarned().p99()),
                ms(p.pointsEarned().max()),
                p.pointsEarned().missing() > 0 ? "; " + p.pointsEarned().missing() + " without PointsEarned" : "")
                + (p.sms() == null ? "" : "; SMS " + p.sms().reason());
    }

    static String table(Results r) {
        StringBuilder out = new StringBuilder();
        Results.Machine m = r.machine();
        line(out, "=".repeat(100));
        line(out, "Order pipeline benchmark  %s -> %s", r.startedAt(), r.finishedAt());
        line(out, "machine: %d cores, %s, %,d MiB; %s; %s; PostgreSQL %s; commit %s%s", m.cores(), m.cpu(),
                m.memoryMb(), m.os(), m.java(), m.postgres(), m.commit().isEmpty() ? "?" : m.commit(),
                r.label().isEmpty() ? "" : "; " + r.label());
        Results.WorkloadInfo w = r.workload();
        line(out, "workload: %,d members (Zipf %.2f: the top member places %.1f %% of orders), log-normal amounts"
                        + " (median %.0f CNY), %.0f %% refunded; Kafka %s, %d partitions",
                w.members(), w.zipfExponent(), w.topMemberShare() * 100, w.medianAmount(), w.refundShare() * 100,
                m.kafkaBootstrap(), m.orderPartitions());
        line(out, "sent: %,d OrderPaid, %,d OrderRefunded; %,d TierChanged seen", w.ordersSent(), w.refundsSent(),
                w.tierChangesSeen());
        line(out, "-".repeat(100));

        line(out, "%-22s %8s %8s %10s %10s %9s %9s %9s %9s %9s", "phase", "offered", "orders", "processed",
                "latency", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms");
        if (r.openLoop() != null) {
            phaseRows(out, r.openLoop());
        }
        if (r.maxRate() != null) {
            for (Results.Step step : r.maxRate().steps()) {
                phaseRows(out, step.phase());
            }
        }
        line(out, "(offered and processed in orders/s; processed = PointsEarned out and tier-service past the order)");

        if (r.maxRate() != null) {
            line(out, "-".repeat(100));
            line(out, "maximum sustained rate: %s (the highest step whose lags stayed flat); best completion rate in"
                            + " any step %.0f orders/s",
                    r.maxRate().maxSustainedRate() > 0
                            ? String.format(Locale.ROOT, "%.0f orders/s", r.maxRate().maxSustainedRate())
                            : "none of the steps",
                    r.maxRate().bestCompletionsPerSecond());
            for (Results.Step step : r.maxRate().steps()) {
                line(out, "  %-12s %-5s points-service: %s; tier-service: %s; PointsEarned backlog: %s",
                        step.phase().name(), step.flat() ? "flat" : "GROWS", step.points().reason(),
                        step.tier().reason(), step.endToEnd().reason());
            }
        }

        if (r.sms() != null) {
            smsRows(out, r);
        }

        line(out, "-".repeat(100));
        line(out, "%-22s %12s %12s %14s %14s %14s", "CPU seconds", "open loop", "ms/order", "whole run",
                "peak mem MiB", "root RSS MiB");
        Map<String, Double> whole = r.resources().cpuSecondsWholeRun();
        for (String name : whole.keySet()) {
            Double openCpu = r.openLoop() == null ? null : r.openLoop().cpuSeconds().get(name);
            Double perOrder = r.openLoop() == null ? null : r.openLoop().cpuMsPerOrder().get(name);
            line(out, "%-22s %12s %12s %14.1f %14d %14d", label(name, r.resources().processes().get(name)),
                    openCpu == null ? "-" : String.format(Locale.ROOT, "%.1f", openCpu),
                    perOrder == null ? "-" : String.format(Locale.ROOT, "%.2f", perOrder), whole.get(name),
                    r.resources().peakMemoryMb().getOrDefault(name, 0L),
                    r.resources().rootPeakRssMb().getOrDefault(name, 0L));
        }
        line(out, "(peak mem = highest sum of PSS over the group's processes, sampled each second; root RSS = VmHWM of"
                + " the group's first process)");
        if (r.maxRate() != null) {
            for (Results.Step step : r.maxRate().steps()) {
                Results.Phase p = step.phase();
                line(out, "  %-12s CPU ms per completed order: %s", p.name(), perOrder(p.cpuMsPerOrder()));
            }
        }

        line(out, "-".repeat(100));
        if (r.rawKafka() != null) {
            line(out, "raw Kafka: %,.0f records/s producer -> consumer (acks=all, %.0f-byte records like OrderPaid)",
                    r.rawKafka().recordsPerSecond(), r.rawKafka().averageRecordBytes());
        }
        if (r.rawPostgres() != null) {
            line(out, "raw PostgreSQL: %,.0f single-row commits/s (%d connections, autocommit); %,.0f rows/s batched"
                            + " (batches of %d)", r.rawPostgres().commitsPerSecond(), r.rawPostgres().threads(),
                    r.rawPostgres().batchedRowsPerSecond(), r.rawPostgres().batchSize());
        }
        r.ratios().forEach((name, ratio) -> line(out, "  %-70s %8.2f %%", name, ratio * 100));

        if (!r.rebuilds().isEmpty()) {
            line(out, "-".repeat(100));
            for (ProjectionRebuild.Grown grown : r.eventStores()) {
                line(out, "event store %-8s %,d recorded + %,d copied = %,d events (copied in %.1f s)", grown.schema(),
                        grown.recorded(), grown.copied(), grown.total(), grown.copySeconds());
            }
            for (ProjectionRebuild.Rebuilt rebuilt : r.rebuilds()) {
                line(out, "rebuild %-15s %-14s %,10d events in %7.1f s = %,9.0f events/s  %s", rebuilt.service(),
                        rebuilt.processor(), rebuilt.events(), rebuilt.seconds(), rebuilt.eventsPerSecond(),
                        rebuilt.outcome());
            }
        }
        for (String note : r.notes()) {
            line(out, "note: %s", note);
        }
        line(out, "=".repeat(100));
        return out.toString();
    }

    private static void smsRows(StringBuilder out, Results r) {
        Results.Sms sms = r.sms();
        line(out, "-".repeat(100));
        line(out, "SMS: %,d members registered with SMS consent (%,d refused) in %.1f s, all read by notification-service"
                        + " %.1f s after the last; provider quota %.0f/s", sms.registered(), sms.refused(),
                sms.registrationSeconds(), sms.contactsKnownSeconds(), sms.quotaPerSecond());
        line(out, "%-22s %10s %10s %12s %12s %14s  %s", "phase", "SMS/s", "failed", "oldest max s", "at end s",
                "consumer lag", "verdict");
        List<Results.Phase> phases = new ArrayList<>();
        if (r.openLoop() != null) {
            phases.add(r.openLoop());
        }
        if (r.maxRate() != null) {
            r.maxRate().steps().forEach(step -> phases.add(step.phase()));
        }
        for (Results.Phase p : phases) {
            NotificationLag.Verdict v = p.sms();
            line(out, "%-22s %10.1f %10.0f %12.1f %12.1f %14d  %s", p.name(), v.sentPerSecond(), v.failed(),
                    v.oldestWaitingMaxSeconds(), v.oldestWaitingAtEndSeconds(), v.consumerLagMax(), v.kind());
        }
        line(out, "after the last phase: %s; %,.0f SMS sent and %,.0f failed in all",
                Double.isNaN(sms.backlogDrainSeconds()) ? "SMS still waiting at the drain timeout"
                        : String.format(Locale.ROOT, "no SMS waiting %.1f s later", sms.backlogDrainSeconds()),
                sms.sentTotal(), sms.failedTotal());
        line(out, "(SMS/s after each phase's first quarter; oldest = age of the oldest due SMS not sent yet, the"
                + " dashboard's notification lag; consumer lag = most records notification-service was behind on its"
                + " topics)");
    }

    private static void phaseRows(StringBuilder out, Results.Phase p) {
        row(out, p.name(), p, "PointsEarned", p.pointsEarned());
        row(out, "", p, "TierChanged", p.tierChanged());
    }

    private static void row(StringBuilder out, String name, Results.Phase p, String what, LatencyStats s) {
        boolean first = !name.isEmpty();
        line(out, "%-22s %8s %8s %10s %10s %9s %9s %9s %9s %9s", name,
                first ? String.format(Locale.ROOT, "%.0f", p.offeredRate()) : "",
                first ? Integer.toString(p.orders()) : "",
                first ? String.format(Locale.ROOT, "%.1f", p.fullyProcessedPerSecond()) : "",
                what, ms(s.p50()), ms(s.p95()), ms(s.p99()), ms(s.p999()), ms(s.max()));
        if (first && p.aborted()) {
            line(out, "%-22s (stopped early: the lag passed its limit)", "");
        }
    }

    private static String perOrder(Map<String, Double> perOrder) {
        StringBuilder s = new StringBuilder();
        perOrder.forEach((name, value) -> s.append(name)
                .append(' ')
                .append(Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value))
                .append("  "));
        return s.toString().trim();
    }

    private static String label(String name, Integer processes) {
        return processes == null || processes <= 1 ? name : name + " (" + processes + " procs)";
    }

    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
