package com.loyaltysuite.bench;

import java.util.List;
import java.util.Map;

/** Everything one run measured, as written to the JSON file and drawn in the chart. */
record Results(
        String startedAt,
        String finishedAt,
        String label,
        Machine machine,
        Map<String, Object> options,
        WorkloadInfo workload,
        Phase openLoop,
        MaxRate maxRate,
        RawLimits.Kafka rawKafka,
        RawLimits.Postgres rawPostgres,
        List<ProjectionRebuild.Grown> eventStores,
        List<ProjectionRebuild.Rebuilt> rebuilds,
        Resources resources,
        Map<String, Double> ratios,
        Sms sms,
        List<String> notes) {

    record Machine(int cores, String cpu, long memoryMb, String os, String java, String postgres, String commit,
            String kafkaBootstrap, int orderPartitions) {}

    record WorkloadInfo(int members, double zipfExponent, double topMemberShare, double medianAmount,
            double refundShare, long seed, int ordersSent, int refundsSent, long tierChangesSeen) {}

    /** One fixed-rate phase: the open loop, or one step of the maximum-rate search. */
    record Phase(
            String name,
            double offeredRate,
            double seconds,
            int orders,
            int refunds,
            boolean aborted,
            LatencyStats pointsEarned,
            LatencyStats tierChanged,
            long fullyProcessed,
            double fullyProcessedPerSecond,
            double completionsPerSecondInWindow,
            double drainSeconds,
            Map<String, Double> cpuSeconds,
            Map<String, Double> cpuMsPerOrder,
            List<LatencyStats.Second> pointsOverTime,
            List<LatencyStats.Point> pointsCurve,
            List<LatencyStats.Point> tierCurve,
            NotificationLag.Verdict sms) {}

    /** Consumer lag of both groups, and the step's orders sent but without PointsEarned yet (end to end). */
    record LagPoint(double seconds, long pointsLag, long tierLag, long pointsEarnedBacklog) {}

    record Step(
            Phase phase,
            LagFlatness.Verdict points,
            LagFlatness.Verdict tier,
            LagFlatness.Verdict endToEnd,
            boolean flat,
            List<LagPoint> lag) {}

    /** The highest flat step (0 when none was), and the best completion rate any step reached. */
    record MaxRate(List<Step> steps, double maxSustainedRate, double bestCompletionsPerSecond) {}

    /**
     * The SMS side of a run with {@code --sms-members}: who was registered, how long after the last
     * registration notification-service had read them all, the quota the suite sent under, and how long the SMS backlog took to go out after the last phase (NaN: not within the drain
     * timeout).
     */
    record Sms(int members, int registered, int refused, double registrationSeconds, double contactsKnownSeconds,
            double quotaPerSecond,
            double backlogDrainSeconds, double sentTotal, double failedTotal) {}

    record Resources(Map<String, Double> cpuSecondsWholeRun, Map<String, Long> peakMemoryMb, Map<String, Long> rootPeakRssMb,
            Map<String, Integer> processes) {}
}
