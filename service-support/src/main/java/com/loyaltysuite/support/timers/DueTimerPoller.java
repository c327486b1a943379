package com.loyaltysuite.support.timers;

import org.springframework.scheduling.annotation.Scheduled;

/** Looks for due timers every {@code loyalty.timers.poll-interval} (default 1 s) on every instance. */
public class DueTimerPoller {

    private final DueTimers timers;
    private final int batchSize;

    public DueTimerPoller(DueTimers timers, int batchSize) {
        this.timers = timers;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${loyalty.timers.poll-interval:PT1S}", initialDelayString = "PT1S")
    void poll() {
        // Drain in batches so a backlog (e.g. after downtime) is caught up without waiting a poll per batch.
        while (timers.fireDue(batchSize) == batchSize) {
            // keep going
        }
    }
}
