package com.loyaltysuite.tier.status;

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
import java.time.Instant;

/**
 * A member's standing as last announced by {@code MemberTierUpdated}. {@code lastSequence} is the
 * sequence number of the member's last event applied, so an event seen again changes nothing.
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
