package com.loyaltysuite.tier.status;

import static com.loyaltysuite.support.projections.ProjectionBatch.setInstant;

import com.loyaltysuite.events.tier.QualifyingValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One entry of a member's tier history, keyed by the id of the event that recorded it. Read through
 * JPA, written by {@link TierHistoryProjection} with {@link #INSERT}.
 */
@Entity
@Table(name = "tier_decision")
class TierDecisionRecord {

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Column(name = "sequence_number", nullable = false)
    private long sequenceNumber;

    @Column(nullable = false)
    private String kind;

    @Column(name = "from_tier")
    private String fromTier;

    @Column(name = "to_tier")
    private String toTier;

    @Column(name = "qualifying_value")
    private BigDecimal qualifyingValue;

    @Column
    private String unit;

    @Column(name = "window_kind")
    private String windowKind;

    @Column(name = "window_from")
    private Instant windowFrom;

    @Column(name = "window_to")
    private Instant windowTo;

    @Column(name = "policy_version")
    private String policyVersion;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "grace_ends_at")
    private Instant graceEndsAt;

    @Column(name = "causation_ids", nullable = false)
    private String causationIds;

    @Column(name = "operator_id")
    private String operatorId;

    @Column(name = "manual_mode")
    private String manualMode;

    @Column
    private String note;

    /** An entry whose event was recorded already (a replay over rows that survived) stays as it is. */
    static final String INSERT = """
            insert into tier_decision (event_id, member_id, sequence_number, kind, from_tier, to_tier,
                qualifying_value, unit, window_kind, window_from, window_to, policy_version, decided_at, valid_until,
                grace_ends_at, causation_ids, operator_id, manual_mode, note)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (event_id) do nothing""";

    protected TierDecisionRecord() {}

    TierDecisionRecord(String eventId, String memberId, long sequenceNumber, String kind, Instant decidedAt) {
        this.eventId = eventId;
        this.memberId = memberId;
        this.sequenceNumber = sequenceNumber;
        this.kind = kind;
        this.decidedAt = decidedAt;
        this.causationIds = "";
    }

    TierDecisionRecord tiers(String from, String to) {
        this.fromTier = from;
        this.toTier = to;
        return this;
    }

    TierDecisionRecord basedOn(
            BigDecimal value, String unit, String windowKind, Instant windowFrom, Instant windowTo, String policyVersion,
            List<String> causationIds) {
        this.qualifyingValue = value;
        this.unit = unit;
        this.windowKind = windowKind;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.policyVersion = policyVersion;
        this.causationIds = String.join(",", causationIds);
        return this;
    }

    TierDecisionRecord validity(Instant validUntil, Instant graceEndsAt) {
        this.validUntil = validUntil;
        this.graceEndsAt = graceEndsAt;
        return this;
    }

    TierDecisionRecord manual(String operatorId, String mode, String note) {
        this.operatorId = operatorId;
        this.manualMode = mode;
        this.note = note;
        return this;
    }

    /** Binds this entry to the parameters of {@link #INSERT}. */
    void bindTo(PreparedStatement insert) throws SQLException {
        insert.setString(1, eventId);
        insert.setString(2, memberId);
        insert.setLong(3, sequenceNumber);
        insert.setString(4, kind);
        insert.setString(5, fromTier);
        insert.setString(6, toTier);
        insert.setBigDecimal(7, qualifyingValue);
        insert.setString(8, unit);
        insert.setString(9, windowKind);
        setInstant(insert, 10, windowFrom);
        setInstant(insert, 11, windowTo);
        insert.setString(12, policyVersion);
        setInstant(insert, 13, decidedAt);
        setInstant(insert, 14, validUntil);
        setInstant(insert, 15, graceEndsAt);
        insert.setString(16, causationIds);
        insert.setString(17, operatorId);
        insert.setString(18, manualMode);
        insert.setString(19, note);
    }

    TierHistoryEntry view() {
        return new TierHistoryEntry(
                kind,
                fromTier,
                toTier,
                qualifyingValue == null ? null : new QualifyingValue(qualifyingValue, unit),
                windowKind == null ? null : new TierHistoryEntry.WindowView(windowKind, windowFrom, windowTo),
                policyVersion,
                decidedAt,
                validUntil,
                graceEndsAt,
                causationIds.isEmpty() ? List.of() : Arrays.asList(causationIds.split(",")),
                operatorId,
                manualMode,
                note);
    }
}
