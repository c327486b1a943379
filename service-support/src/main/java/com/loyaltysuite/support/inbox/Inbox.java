package com.loyaltysuite.support.inbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event ids a consumer has applied. Recorded in the same transaction as the state change the
 * event causes, so a redelivered or duplicated event changes nothing (effectively once).
 */
public class Inbox {

    private final JdbcTemplate jdbc;

    public Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code consumer} applies {@code eventId} now. Returns false when it already did; the
     * caller then skips the event. Must run inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId, String topic) {
        int inserted = jdbc.update(
                "insert into inbox_message (consumer, event_id, topic, processed_at) values (?, ?, ?, now()) "
                        + "on conflict (consumer, event_id) do nothing",
                consumer,
                eventId,
                topic);
        return inserted == 1;
    }
}
