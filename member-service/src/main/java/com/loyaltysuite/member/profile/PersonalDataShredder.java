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
 * before sealing, are deleted (the aggregate is rebuilt from its events), and so are the clear personal
 * fields of a registration stored before sealing. Not replayed.
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
        jdbc.update(BLANK_CLEAR_REGISTRATIONS, event.memberId().value());
    }

    /**
     * Registrations stored before sealing hold the personal fields in clear: erasure is the one reason to
     * touch a stored event, and it removes those fields (a replay then reads them as absent). Sealed
     * registrations have no clear fields and are left as they are.
     */
    static final String BLANK_CLEAR_REGISTRATIONS = """
            update domain_event_entry
            set payload = convert_to(
                (convert_from(payload, 'UTF8')::jsonb - 'name' - 'mobile' - 'email' - 'birthday')::text, 'UTF8')
            where aggregate_identifier = ?
              and payload_type in ('com.loyaltysuite.member.profile.RegistrationRecorded',
                                   'com.loyaltysuite.member.profile.MemberRegistered')
              and convert_from(payload, 'UTF8')::jsonb ->> 'personalData' is null""";
}
