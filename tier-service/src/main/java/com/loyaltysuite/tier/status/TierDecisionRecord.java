package com.loyaltysuite.tier.status;

import com.loyaltysuite.events.tier.QualifyingValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One entry of a member's tier history, keyed by the id of the event that recorded it. */
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
