package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The delivery log seen as the queue of messages to send. Each step is its own short transaction:
 * {@link #claim} marks a batch of due messages SENDING ({@code FOR UPDATE SKIP LOCKED}, so instances
 * never claim the same one), and the outcome is written by {@link #settle} only if the claim is still
 * the one this dispatcher made, so a claim taken over after it went stale is not settled twice.
 */
@Component
public class DeliveryQueue {

    private final JdbcTemplate jdbc;

    DeliveryQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A message claimed for sending. */
    public record Claimed(
            String notificationId,
            String memberId,
            String programId,
            Channel channel,
            String template,
            String causationId,
            String eventType,
            String payload,
            String facts,
            String recipient,
            Instant recordedAt,
            Instant claimedAt,
            int attempts) {}

    /**
     * Claims up to {@code limit} messages of the channel that are due at {@code now}: PENDING with no
     * or a passed {@code not_before}, and SENDING ones claimed before {@code staleBefore} (their
     * dispatcher crashed, or lost its way, between send and record). Commits at once.
     */
    public List<Claimed> claim(Channel channel, Instant now, Instant staleBefore, int limit) {
        return jdbc.query(
                """
                update notification_delivery d
                   set status = 'SENDING', claimed_at = ?, attempts = d.attempts + 1
                 where d.notification_id in (
                       select notification_id from notification_delivery
                        where channel = ?
                          and ((status = 'PENDING' and (not_before is null or not_before <= ?))
                               or (status = 'SENDING' and claimed_at < ?))
                        order by coalesce(not_before, recorded_at)
                        limit ?
                        for update skip locked)
                returning d.notification_id, d.member_id, d.program_id, d.channel, d.template, d.causation_id,
                          d.event_type, d.payload, d.facts, d.recipient, d.recorded_at, d.claimed_at, d.attempts
                """,
                DeliveryQueue::claimed,
                Timestamp.from(now),
                channel.name(),
                Timestamp.from(now),
                Timestamp.from(staleBefore),
                limit);
    }

    /**
     * Writes a claimed message's outcome, in the caller's transaction; false (nothing written) when
     * the claim is no longer this one's.
     *
     * @param recipient the address it went to (null to keep the one recorded)
     * @param notBefore for {@link DeliveryStatus#PENDING}: the next try
     */
    public boolean settle(
            Claimed claimed, DeliveryStatus status, String reason, String recipient, Instant notBefore, Instant at) {
        boolean done = status != DeliveryStatus.PENDING;
        return jdbc.update(
                        """
                        update notification_delivery
                           set status = ?, reason = ?, recipient = coalesce(?, recipient), not_before = ?,
                               claimed_at = null, recorded_at = case when ? then ? else recorded_at end,
                               payload = case when ? then null else payload end,
                               facts = case when ? then null else facts end
                         where notification_id = ? and status = 'SENDING' and claimed_at = ?
                        """,
                        status.name(),
                        Notifier.truncate(reason),
                        recipient,
                        notBefore == null ? null : Timestamp.from(notBefore),
                        done,
                        Timestamp.from(at),
                        done,
                        done,
                        claimed.notificationId(),
                        Timestamp.from(claimed.claimedAt()))
                == 1;
    }

    /** The age of the oldest message of the channel that is due and not sent yet, in seconds; 0 when none. */
    public double oldestWaitingSeconds(Channel channel, Instant now) {
        Timestamp oldest = jdbc.queryForObject(
                """
                select min(coalesce(not_before, recorded_at)) from notification_delivery
                 where channel = ? and status in ('PENDING', 'SENDING')
                   and (not_before is null or not_before <= ?)
                """,
                Timestamp.class,
                channel.name(),
                Timestamp.from(now));
        return oldest == null ? 0 : Math.max(0, (now.toEpochMilli() - oldest.getTime()) / 1000.0);
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        return new Claimed(
                rs.getString("notification_id"),
                rs.getString("member_id"),
                rs.getString("program_id"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("template"),
                rs.getString("causation_id"),
                rs.getString("event_type"),
                rs.getString("payload"),
                rs.getString("facts"),
                rs.getString("recipient"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getTimestamp("claimed_at").toInstant(),
                rs.getInt("attempts"));
    }
}
