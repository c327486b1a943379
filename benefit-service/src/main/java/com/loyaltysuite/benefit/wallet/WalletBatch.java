package com.loyaltysuite.benefit.wallet;

import static com.loyaltysuite.support.projections.ProjectionBatch.setInstant;

import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.benefit.BenefitKind;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one processor batch changes in {@code member_benefit}: new rows (keyed by benefit id, inserted
 * with {@code on conflict do nothing}) and status changes (the latest per benefit, written only over an
 * older one, by {@code status_sequence}). A change to a row of the same batch is merged into it before
 * anything is written, so a batch is two JDBC batches whatever its size.
 */
final class WalletBatch {

    static final String INSERT = """
            insert into member_benefit (benefit_id, member_id, program_id, code, kind, tier, description, status,
                granted_at, valid_until, causation_id, member_sequence, valid_from, face_value, min_spend, currency,
                channels, tier_exclusive, price_factor, code_hash, catalogue_version, status_reason, status_at,
                status_sequence)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (benefit_id) do nothing""";

    static final String UPDATE_STATUS = """
            update member_benefit set status = ?, status_reason = ?, status_at = ?, status_sequence = ?
            where benefit_id = ? and status_sequence < ?""";

    private final Map<String, Row> inserts = new LinkedHashMap<>();
    private final Map<String, Status> statuses = new LinkedHashMap<>();

    void insert(Row row) {
        inserts.putIfAbsent(row.benefitId, row);
    }

    void status(String benefitId, String status, String reason, Instant at, long sequence) {
        Row pending = inserts.get(benefitId);
        if (pending != null) {
            if (pending.statusSequence < sequence) {
                pending.status = status;
                pending.statusReason = reason;
                pending.statusAt = at;
                pending.statusSequence = sequence;
            }
            return;
        }
        statuses.merge(benefitId, new Status(benefitId, status, reason, at, sequence),
                (a, b) -> a.sequence() >= b.sequence() ? a : b);
    }

    void write(JdbcTemplate jdbc) {
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(INSERT, List.copyOf(inserts.values()), inserts.size(), (statement, row) -> row.bindTo(statement));
        }
        if (!statuses.isEmpty()) {
            jdbc.batchUpdate(UPDATE_STATUS, List.copyOf(statuses.values()), statuses.size(), (statement, s) -> {
                statement.setString(1, s.status());
                statement.setString(2, s.reason());
                setInstant(statement, 3, s.at());
                statement.setLong(4, s.sequence());
                statement.setString(5, s.benefitId());
                statement.setLong(6, s.sequence());
            });
        }
    }

    private record Status(String benefitId, String status, String reason, Instant at, long sequence) {}

    /** A new row of {@code member_benefit}. */
    static final class Row {
        final String benefitId;
        final String memberId;
        final String programId;
        final String code;
        final BenefitKind kind;
        final String tier;
        final String description;
        final Instant grantedAt;
        final Instant validFrom;
        final Instant validUntil;
        final String causationId;
        final long memberSequence;
        Money faceValue;
        Money minSpend;
        String channels;
        boolean tierExclusive;
        BigDecimal priceFactor;
        String codeHash;
        String catalogueVersion;
        String status = "ACTIVE";
        String statusReason;
        Instant statusAt;
        long statusSequence;

        Row(String benefitId, String memberId, String programId, String code, BenefitKind kind, String tier,
                String description, Instant grantedAt, Instant validFrom, Instant validUntil, String causationId,
                long memberSequence) {
            this.benefitId = benefitId;
            this.memberId = memberId;
            this.programId = programId;
            this.code = code;
            this.kind = kind;
            this.tier = tier;
            this.description = description;
            this.grantedAt = grantedAt;
            this.validFrom = validFrom;
            this.validUntil = validUntil;
            this.causationId = causationId;
            this.memberSequence = memberSequence;
            this.statusAt = grantedAt;
            this.statusSequence = memberSequence;
        }

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
            setInstant(insert, 13, validFrom);
            insert.setBigDecimal(14, faceValue == null ? null : faceValue.value());
            insert.setBigDecimal(15, minSpend == null ? null : minSpend.value());
            insert.setString(16, faceValue == null ? null : faceValue.currency());
            insert.setString(17, channels);
            insert.setBoolean(18, tierExclusive);
            insert.setBigDecimal(19, priceFactor);
            insert.setString(20, codeHash);
            insert.setString(21, catalogueVersion);
            insert.setString(22, statusReason);
            setInstant(insert, 23, statusAt);
            insert.setLong(24, statusSequence);
        }
    }
}
