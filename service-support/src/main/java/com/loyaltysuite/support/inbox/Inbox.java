package com.loyaltysuite.support.inbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event ids a consumer has applied. Recorded in the same transaction as the state change the
 * event causes, so a redelivered or duplicated event changes nothing (effectively once).
 */
public class Inbox {

    private static final String INSERT_BATCH = "insert into inbox_message (consumer, event_id, topic, processed_at)"
            + " select c, e, t, now() from unnest(?::varchar[], ?::varchar[], ?::varchar[]) as batch(c, e, t)"
            + " on conflict (consumer, event_id) do nothing returning consumer, event_id";

    private final JdbcTemplate jdbc;

    public Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that each reaction applies its event now, in one statement for the whole batch, and
     * returns the entries that were new: the caller applies those and skips the rest (already
     * applied, or repeated within the batch). Must run inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Entry> firstDeliveries(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        Set<Entry> inserted = new HashSet<>();
        jdbc.query(
                (Connection connection) -> {
                    PreparedStatement statement = connection.prepareStatement(INSERT_BATCH);
                    statement.setArray(1, array(connection, entries.stream().map(Entry::consumer).toList()));
                    statement.setArray(2, array(connection, entries.stream().map(Entry::eventId).toList()));
                    statement.setArray(3, array(connection, entries.stream().map(Entry::topic).toList()));
                    return statement;
                },
                rs -> {
                    inserted.add(new Entry(rs.getString(1), rs.getString(2), null));
                });
        Set<Entry> firsts = new HashSet<>();
        for (Entry entry : entries) {
            if (inserted.contains(entry.withoutTopic())) {
                firsts.add(entry);
            }
        }
        return firsts;
    }

    private static Array array(Connection connection, List<String> values) throws java.sql.SQLException {
        return connection.createArrayOf("varchar", values.toArray());
    }

    /** One reaction's application of one event; {@code topic} is kept for diagnostics only. */
    public record Entry(String consumer, String eventId, String topic) {

        Entry withoutTopic() {
            return new Entry(consumer, eventId, null);
        }
    }
}
