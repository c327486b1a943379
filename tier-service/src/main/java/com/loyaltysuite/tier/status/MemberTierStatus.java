package com.loyaltysuite.tier.status;

import static com.loyaltysuite.support.projections.ProjectionBatch.setInstant;

import com.loyaltysuite.tier.membertier.ManualMode;
import com.loyaltysuite.tier.membertier.ManualTier;
import com.loyaltysuite.tier.membertier.MemberTierUpdated;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A member's standing as last announced by {@code MemberTierUpdated}. {@code lastSequence} is the
 * sequence number of the member's last event applied, so an event seen again changes nothing. Read
 * through JPA, written by {@link MemberTierBatch} with {@link #UPSERT}, once per member and batch.
 */
@Entity
@Table(name = "member_tier")
class MemberTierStatus {

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Column(name = "program_id", nullable = false)
    private String programId;

    @Column(nullable = false)
    private String tier;

    @Column(nullable = false)
    private Instant since;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "qualifying_value", nullable = false)
    private BigDecimal qualifyingValue;

    @Column(nullable = false)
    private String unit;

    @Column(name = "earned_tier", nullable = false)
    private String earnedTier;

    @Column(name = "earned_valid_until")
    private Instant earnedValidUntil;

    @Column(name = "manual_tier")
    private String manualTier;

    @Enumerated(EnumType.STRING)
    @Column(name = "manual_mode")
    private ManualMode manualMode;

    @Column(name = "manual_reason")
    private String manualReason;

    @Column(name = "manual_operator")
    private String manualOperator;

    @Column(name = "manual_until")
    private Instant manualUntil;

    @Column(name = "manual_assigned_at")
    private Instant manualAssignedAt;

    @Column(name = "policy_version", nullable = false)
    private String policyVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    /** Replaces the row only with a later state: a replayed or repeated event never moves it back. */
    static final String UPSERT = """
            insert into member_tier (member_id, program_id, tier, since, valid_until, qualifying_value, unit,
                earned_tier, earned_valid_until, manual_tier, manual_mode, manual_reason, manual_operator, manual_until,
                manual_assigned_at, policy_version, updated_at, last_sequence)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (member_id) do update set
                program_id = excluded.program_id, tier = excluded.tier, since = excluded.since,
                valid_until = excluded.valid_until, qualifying_value = excluded.qualifying_value, unit = excluded.unit,
                earned_tier = excluded.earned_tier, earned_valid_until = excluded.earned_valid_until,
                manual_tier = excluded.manual_tier, manual_mode = excluded.manual_mode,
                manual_reason = excluded.manual_reason, manual_operator = excluded.manual_operator,
                manual_until = excluded.manual_until, manual_assigned_at = excluded.manual_assigned_at,
                policy_version = excluded.policy_version, updated_at = excluded.updated_at,
                last_sequence = excluded.last_sequence
            where member_tier.last_sequence < excluded.last_sequence""";

    protected MemberTierStatus() {}

    MemberTierStatus(String memberId) {
        this.memberId = memberId;
        this.lastSequence = -1;
    }

    /** Marks the event with {@code sequence} applied; false when it (or a later one) already was. */
    boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    void update(MemberTierUpdated event) {
        programId = event.programId();
        tier = event.tier();
        since = event.since();
        validUntil = event.validUntil();
        qualifyingValue = event.qualifyingValue().value();
        unit = event.qualifyingValue().unit();
        earnedTier = event.earnedTier();
        earnedValidUntil = event.earnedValidUntil();
        ManualTier manual = event.manual();
        manualTier = manual == null ? null : manual.tier();
        manualMode = manual == null ? null : manual.mode();
        manualReason = manual == null ? null : manual.reason();
        manualOperator = manual == null ? null : manual.operatorId();
        manualUntil = manual == null ? null : manual.until();
        manualAssignedAt = manual == null ? null : manual.assignedAt();
        policyVersion = event.policyVersion();
        updatedAt = event.updatedAt();
    }

    /** Binds this standing to the parameters of {@link #UPSERT}. */
    void bindTo(PreparedStatement upsert) throws SQLException {
        upsert.setString(1, memberId);
        upsert.setString(2, programId);
        upsert.setString(3, tier);
        setInstant(upsert, 4, since);
        setInstant(upsert, 5, validUntil);
        upsert.setBigDecimal(6, qualifyingValue);
        upsert.setString(7, unit);
        upsert.setString(8, earnedTier);
        setInstant(upsert, 9, earnedValidUntil);
        upsert.setString(10, manualTier);
        upsert.setString(11, manualMode == null ? null : manualMode.name());
        upsert.setString(12, manualReason);
        upsert.setString(13, manualOperator);
        setInstant(upsert, 14, manualUntil);
        setInstant(upsert, 15, manualAssignedAt);
        upsert.setString(16, policyVersion);
        setInstant(upsert, 17, updatedAt);
        upsert.setLong(18, lastSequence);
    }

    String memberId() {
        return memberId;
    }

    String programId() {
        return programId;
    }

    String tier() {
        return tier;
    }

    Instant since() {
        return since;
    }

    Instant validUntil() {
        return validUntil;
    }

    String unit() {
        return unit;
    }

    String earnedTier() {
        return earnedTier;
    }

    Instant earnedValidUntil() {
        return earnedValidUntil;
    }

    ManualTier manual() {
        return manualTier == null
                ? null
                : new ManualTier(manualTier, manualMode, manualReason, manualOperator, manualUntil, manualAssignedAt);
    }

    String policyVersion() {
        return policyVersion;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
