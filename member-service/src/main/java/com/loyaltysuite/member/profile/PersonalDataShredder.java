package com.loyaltysuite.member.profile;

import com.loyaltysuite.support.crypto.MemberKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erasure, in the transaction that records it (a subscribing processing group): the member's data key is
 * destroyed, so every sealed copy of the personal fields (event store, Kafka, backups) is unreadable; the
 * contact claims are given up; the member's snapshots, which may hold personal fields stored in clear
 * before sealing, are deleted (the aggregate is rebuilt from its events). Not replayed.
 */
@Component
@ProcessingGroup(ContactClaims.PROCESSING_GROUP)
class PersonalDataShredder {

    private final MemberKeys keys;
    private final JdbcTemplate jdbc;

    PersonalDataShredder(MemberKeys keys, JdbcTemplate jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ErasureRecorded event) {
        keys.shred(event.memberId());
        jdbc.update("delete from contact_claim where member_id = ?", event.memberId().value());
        jdbc.update("delete from snapshot_event_entry where aggregate_identifier = ?", event.memberId().value());
    }
}
