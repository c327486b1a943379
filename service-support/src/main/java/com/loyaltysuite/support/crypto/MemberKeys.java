package com.loyaltysuite.support.crypto;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.PersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The members' data keys in the service's own schema ({@code member_data_key}), outside the event log:
 * deleting a key makes every copy of that member's sealed personal data unreadable, in the event store, on
 * Kafka and in backups (ADR 9). member-service creates the keys; a consumer that keeps contact data holds
 * copies taken from {@code loyalty.member-keys.v1}. A shredded key leaves a row without key material, so
 * "erased" and "not known yet" can be told apart. Joins the caller's transaction.
 */
public class MemberKeys {

    /** What this service knows of a member's key. */
    public sealed interface Lookup {
        record Known(byte[] key) implements Lookup {}

        /** The member was erased: the key is gone for good. */
        record Shredded() implements Lookup {}

        /** No key and no erasure seen (yet). */
        record Unknown() implements Lookup {}
    }

    private static final String PENDING = MemberKeys.class.getName() + ".pending";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MemberKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Lookup find(MemberId member) {
        List<Lookup> rows = jdbc.query(
                "select data_key from member_data_key where member_id = ?",
                (rs, i) -> {
                    byte[] key = rs.getBytes(1);
                    return key == null ? new Lookup.Shredded() : new Lookup.Known(key);
                },
                member.value());
        return rows.isEmpty() ? new Lookup.Unknown() : rows.get(0);
    }

    /**
     * The member's key, made now if there is none; empty if the member was erased. Inside a unit of work
     * a new key is written when it prepares to commit, beside the events sealed with it, not at once: a
     * registration racing another of the same id on another instance must not wait for the other's key
     * row before both reach the event store, which then refuses one of them.
     */
    public Optional<byte[]> createIfAbsent(MemberId member) {
        byte[] pending = pendingKeys().get(member.value());
        if (pending != null) {
            return Optional.of(pending);
        }
        Lookup lookup = find(member);
        if (lookup instanceof Lookup.Known known) {
            return Optional.of(known.key());
        }
        if (lookup instanceof Lookup.Shredded) {
            return Optional.empty();
        }
        byte[] key = PersonalDataCipher.newKey();
        if (CurrentUnitOfWork.isStarted()) {
            Map<String, byte[]> keys = pendingKeys();
            if (keys.isEmpty()) {
                CurrentUnitOfWork.get().root().onPrepareCommit(u -> keys.forEach((id, k) -> insert(id, k)));
            }
            keys.put(member.value(), key);
        } else {
            insert(member.value(), key);
        }
        return Optional.of(key);
    }

    private void insert(String member, byte[] key) {
        jdbc.update(
                "insert into member_data_key (member_id, data_key, created_at) values (?, ?, ?) on conflict do nothing",
                member, key, Timestamp.from(clock.instant()));
    }

    private static Map<String, byte[]> pendingKeys() {
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(PENDING, k -> new HashMap<String, byte[]>())
                : Map.of();
    }

    /** Keeps a copy of a key published by member-service; a member erased here stays erased. */
    public void put(MemberId member, byte[] key) {
        jdbc.update(
                "insert into member_data_key (member_id, data_key, created_at) values (?, ?, ?) on conflict do nothing",
                member.value(), key, Timestamp.from(clock.instant()));
    }

    /** Destroys the member's key material for good. */
    public void shred(MemberId member) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into member_data_key (member_id, data_key, created_at, shredded_at) values (?, null, ?, ?)
                on conflict (member_id) do update set data_key = null, shredded_at = excluded.shredded_at""",
                member.value(), now, now);
    }

    /** Seals with the member's key, made if needed; null data stays null. */
    public String seal(MemberId member, PersonalData data) {
        byte[] key = createIfAbsent(member).orElseThrow(() -> new MemberErasedException(member));
        return PersonalDataCipher.seal(member, key, data);
    }

    /** The personal data, or empty if there is none or it can no longer be read (erased, or not known here). */
    public Optional<PersonalData> open(MemberId member, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        byte[] pending = pendingKeys().get(member.value());
        if (pending != null) {
            return PersonalDataCipher.open(member, pending, sealed);
        }
        return find(member) instanceof Lookup.Known known
                ? PersonalDataCipher.open(member, known.key(), sealed)
                : Optional.empty();
    }
}
