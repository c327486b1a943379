package com.loyaltysuite.member.consents;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.ConsentPurpose;
import com.loyaltysuite.member.profile.ConsentChangeRecorded;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The consent history (同意记录): what a member agreed to at registration (marketing as given,
 * transactional granted with membership) and every change after, per channel and purpose, with its time
 * and source. Append-only, keyed by event id, channel and purpose, so a redelivered event adds nothing;
 * a reset empties the table and the processor rebuilds it.
 */
@Component
@ProcessingGroup(ConsentHistoryProjection.PROCESSING_GROUP)
class ConsentHistoryProjection {

    static final String PROCESSING_GROUP = "member-consent-history";

    private static final String INSERT = """
            insert into consent_history (event_id, member_id, sequence_number, channel, purpose, granted, source, changed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing""";

    private final JdbcTemplate jdbc;

    ConsentHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegistrationRecorded event, EventMessage<?> message, @SequenceNumber long sequence) {
        Timestamp at = Timestamp.from(event.registeredAt());
        List<Object[]> rows = List.of(
                row(message, event.memberId(), sequence, Channel.SMS, ConsentPurpose.MARKETING, event.consents().sms(), at),
                row(message, event.memberId(), sequence, Channel.EMAIL, ConsentPurpose.MARKETING, event.consents().email(), at),
                row(message, event.memberId(), sequence, Channel.SMS, ConsentPurpose.TRANSACTIONAL, true, at),
                row(message, event.memberId(), sequence, Channel.EMAIL, ConsentPurpose.TRANSACTIONAL, true, at));
        jdbc.batchUpdate(INSERT, rows.stream().map(r -> withSource(r, "registration")).toList());
    }

    @EventHandler
    void on(ConsentChangeRecorded event, EventMessage<?> message, @SequenceNumber long sequence) {
        jdbc.update(INSERT, withSource(
                row(message, event.memberId(), sequence, event.channel(), event.purpose(), event.granted(),
                        Timestamp.from(event.changedAt())),
                event.source()));
    }

    private static Object[] row(EventMessage<?> message, MemberId member, long sequence, Channel channel,
            ConsentPurpose purpose, boolean granted, Timestamp at) {
        return new Object[] {message.getIdentifier(), member.value(), sequence, channel.name(), purpose.name(), granted, null, at};
    }

    private static Object[] withSource(Object[] row, String source) {
        row[6] = source;
        return row;
    }

    @QueryHandler
    Optional<ConsentHistoryView> handle(FindConsentHistory query) {
        String member = query.memberId().value();
        long total = jdbc.queryForObject("select count(*) from consent_history where member_id = ?", Long.class, member);
        if (total == 0) {
            return Optional.empty();
        }
        List<ConsentHistoryView.Entry> entries = jdbc.query("""
                        select channel, purpose, granted, source, changed_at from consent_history where member_id = ?
                        order by sequence_number desc, purpose, channel limit ? offset ?""",
                (rs, i) -> new ConsentHistoryView.Entry(
                        Channel.valueOf(rs.getString("channel")),
                        ConsentPurpose.valueOf(rs.getString("purpose")),
                        rs.getBoolean("granted"),
                        rs.getString("source"),
                        rs.getTimestamp("changed_at").toInstant()),
                member, query.size(), (long) query.page() * query.size());
        return Optional.of(new ConsentHistoryView(member, query.page(), query.size(), total, entries));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from consent_history");
    }
}
