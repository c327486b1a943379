package com.loyaltysuite.tier.status;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member's current tier and qualifying total. {@code lastSequence} is the sequence number of the
 * member's last event applied, so an event seen again changes nothing.
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
    private String currency;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    protected MemberTierStatus() {}

    MemberTierStatus(String memberId, String programId, String entryTier, Instant since, String currency) {
        this.memberId = memberId;
        this.programId = programId;
        this.tier = entryTier;
        this.since = since;
        this.qualifyingValue = BigDecimal.ZERO;
        this.currency = currency;
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

    void qualifyingValue(BigDecimal value, String currency) {
        this.qualifyingValue = value;
        this.currency = currency;
    }

    void changeTier(String tier, Instant since, Instant validUntil) {
        this.tier = tier;
        this.since = since;
        this.validUntil = validUntil;
    }

    String memberId() {
        return memberId;
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

    BigDecimal qualifyingValue() {
        return qualifyingValue;
    }

    String currency() {
        return currency;
    }
}
