package com.loyaltysuite.benefit.wallet;

import com.loyaltysuite.events.benefit.BenefitKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A benefit a member holds, keyed by its benefit id so a replayed grant is written once. */
@Entity
@Table(name = "member_benefit")
class HeldBenefit {

    static final String ACTIVE = "ACTIVE";

    @Id
    @Column(name = "benefit_id")
    private String benefitId;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Column(name = "program_id", nullable = false)
    private String programId;

    @Column(nullable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BenefitKind kind;

    private String tier;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String status;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "causation_id")
    private String causationId;

    /** The grant's place in the member's history; orders grants of the same instant. */
    @Column(name = "member_sequence", nullable = false)
    private long memberSequence;

    protected HeldBenefit() {}

    HeldBenefit(
            String benefitId,
            String memberId,
            String programId,
            String code,
            BenefitKind kind,
            String tier,
            String description,
            Instant grantedAt,
            Instant validUntil,
            String causationId,
            long memberSequence) {
        this.benefitId = benefitId;
        this.memberId = memberId;
        this.programId = programId;
        this.code = code;
        this.kind = kind;
        this.tier = tier;
        this.description = description;
        this.status = ACTIVE;
        this.grantedAt = grantedAt;
        this.validUntil = validUntil;
        this.causationId = causationId;
        this.memberSequence = memberSequence;
    }

    BenefitView toView() {
        return new BenefitView(benefitId, code, kind, tier, description, status, grantedAt, validUntil);
    }
}
