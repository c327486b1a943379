package com.loyaltysuite.benefit.wallet;

import static com.loyaltysuite.support.projections.ProjectionBatch.setInstant;

import com.loyaltysuite.events.benefit.BenefitKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A benefit a member holds, keyed by its benefit id so a replayed grant is written once. Read through
 * JPA, written by {@link MemberBenefitsProjection} with {@link #INSERT}, one JDBC batch per processor batch.
 */
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

    static final String INSERT = """
            insert into member_benefit (benefit_id, member_id, program_id, code, kind, tier, description, status,
                granted_at, valid_until, causation_id, member_sequence)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (benefit_id) do nothing""";

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

    String benefitId() {
        return benefitId;
    }

    /** Binds this benefit to the parameters of {@link #INSERT}. */
    void bindTo(PreparedStatement insert) throws SQLException {
        insert.setString(1, benefitId);
        insert.setString(2, memberId);
        insert.setString(3, programId);
        insert.setString(4, code);
        insert.setString(5, kind.name());
        insert.setString(6, tier);
        insert.setString(7, description);
        insert.setString(8, status);
        setInstant(insert, 9, grantedAt);
        setInstant(insert, 10, validUntil);
        insert.setString(11, causationId);
        insert.setLong(12, memberSequence);
    }

    BenefitView toView() {
        return new BenefitView(benefitId, code, kind, tier, description, status, grantedAt, validUntil);
    }
}
