package com.loyaltysuite.benefit.wallet;

import com.loyaltysuite.benefit.grant.CouponIssued;
import com.loyaltysuite.benefit.grant.CouponReinstated;
import com.loyaltysuite.benefit.grant.CouponUseReversed;
import com.loyaltysuite.benefit.grant.CouponUsed;
import com.loyaltysuite.benefit.grant.CouponWithdrawn;
import com.loyaltysuite.benefit.grant.StandingBenefitGiven;
import com.loyaltysuite.benefit.grant.StandingBenefitWithdrawn;
import com.loyaltysuite.benefit.grant.UpgradeGiftGranted;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.support.projections.ProjectionBatch;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each member's benefits (会员资产: standing benefits and coupons, with their statuses), built from the
 * member's events. Idempotent (rows keyed by benefit id, a status written only over an older one) and
 * resettable: a reset empties the table and the processor rebuilds it from the store. Coupons are found
 * here by the hash of their code.
 */
@Component
@ProcessingGroup(MemberBenefitsProjection.PROCESSING_GROUP)
class MemberBenefitsProjection {

    static final String PROCESSING_GROUP = "member-benefits";

    private static final String COLUMNS = "benefit_id, code, kind, tier, description, status, status_reason, granted_at,"
            + " valid_from, valid_until, price_factor, face_value, min_spend, currency, channels";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ProjectionBatch<WalletBatch> batch;

    MemberBenefitsProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.batch = new ProjectionBatch<>(PROCESSING_GROUP, WalletBatch::new, wallet -> wallet.write(jdbc));
    }

    @EventHandler
    void on(UpgradeGiftGranted event, @SequenceNumber long sequence) {
        var row = new WalletBatch.Row(event.benefitId(), event.memberId().value(), event.programId(), event.benefitCode(),
                event.kind(), event.tier(), event.description(), event.grantedAt(), event.grantedAt(), event.validUntil(),
                event.causationId(), sequence);
        batch.add(wallet -> wallet.insert(row));
    }

    @EventHandler
    void on(StandingBenefitGiven event, @SequenceNumber long sequence) {
        var row = new WalletBatch.Row(event.benefitId(), event.memberId().value(), event.programId(), event.benefitCode(),
                event.kind(), event.tier(), event.description(), event.givenAt(), event.givenAt(), null,
                event.causationId(), sequence);
        row.priceFactor = event.priceFactor();
        row.catalogueVersion = event.catalogueVersion();
        batch.add(wallet -> wallet.insert(row));
    }

    @EventHandler
    void on(CouponIssued event, @SequenceNumber long sequence) {
        var row = new WalletBatch.Row(event.couponId(), event.memberId().value(), event.programId(), event.benefitCode(),
                event.kind(), event.tier(), event.description(), event.validFrom(), event.validFrom(), event.validUntil(),
                event.causationId(), sequence);
        row.faceValue = event.faceValue();
        row.minSpend = event.minSpend();
        row.channels = String.join(",", event.channels());
        row.tierExclusive = event.tierExclusive();
        row.codeHash = event.codeHash();
        row.catalogueVersion = event.catalogueVersion();
        batch.add(wallet -> wallet.insert(row));
    }

    @EventHandler
    void on(StandingBenefitWithdrawn event, @SequenceNumber long sequence) {
        batch.add(wallet -> wallet.status(event.benefitId(), "REVOKED", event.reason(), event.withdrawnAt(), sequence));
    }

    @EventHandler
    void on(CouponWithdrawn event, @SequenceNumber long sequence) {
        batch.add(wallet -> wallet.status(event.couponId(), "REVOKED", event.reason(), event.withdrawnAt(), sequence));
    }

    @EventHandler
    void on(CouponUsed event, @SequenceNumber long sequence) {
        batch.add(wallet -> wallet.status(event.couponId(), "USED", event.orderId(), event.usedAt(), sequence));
    }

    @EventHandler
    void on(CouponReinstated event, @SequenceNumber long sequence) {
        batch.add(wallet -> wallet.status(event.couponId(), "ACTIVE", "RESTORED", event.reinstatedAt(), sequence));
    }

    /** A reversal that restored nothing: the coupon stays used, the reason says it was refunded. */
    @EventHandler
    void on(CouponUseReversed event, @SequenceNumber long sequence) {
        batch.add(wallet -> wallet.status(event.couponId(), "USED", "REFUNDED_AFTER_EXPIRY", event.reversedAt(), sequence));
    }

    @QueryHandler
    List<BenefitView> handle(FindMemberBenefits query) {
        Instant now = clock.instant();
        List<BenefitView> all = jdbc.query(
                "select " + COLUMNS + " from member_benefit where member_id = ? order by granted_at, member_sequence",
                (rs, i) -> view(rs, now),
                query.memberId().value());
        return query.history() ? all : all.stream().filter(view -> view.status().equals("ACTIVE")).toList();
    }

    @QueryHandler
    BenefitOwner handle(FindBenefitOwner query) {
        List<BenefitOwner> owners = query.codeHash() != null
                ? jdbc.query("select member_id, benefit_id from member_benefit where code_hash = ?", MemberBenefitsProjection::owner,
                        query.codeHash())
                : jdbc.query("select member_id, benefit_id from member_benefit where benefit_id = ?", MemberBenefitsProjection::owner,
                        query.benefitId());
        return owners.isEmpty() ? null : owners.get(0);
    }

    @QueryHandler
    MemberPriceView handle(FindMemberPrice query) {
        List<MemberPriceView> prices = jdbc.query(
                "select tier, code, price_factor from member_benefit where member_id = ? and kind = ? and status = 'ACTIVE'"
                        + " order by member_sequence desc limit 1",
                (rs, i) -> new MemberPriceView(rs.getString("tier"), rs.getString("code"), rs.getBigDecimal("price_factor")),
                query.memberId().value(),
                BenefitKind.MEMBER_PRICE.name());
        return prices.isEmpty() ? null : prices.get(0);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from member_benefit");
    }

    private static BenefitOwner owner(ResultSet rs, int row) throws SQLException {
        return new BenefitOwner(rs.getString("member_id"), rs.getString("benefit_id"));
    }

    private static BenefitView view(ResultSet rs, Instant now) throws SQLException {
        Instant validUntil = instant(rs, "valid_until");
        String status = rs.getString("status");
        if (status.equals("ACTIVE") && validUntil != null && !now.isBefore(validUntil)) {
            status = "EXPIRED";
        }
        String currency = rs.getString("currency");
        String channels = rs.getString("channels");
        return new BenefitView(
                rs.getString("benefit_id"),
                rs.getString("code"),
                BenefitKind.valueOf(rs.getString("kind")),
                rs.getString("tier"),
                rs.getString("description"),
                status,
                rs.getString("status_reason"),
                instant(rs, "granted_at"),
                instant(rs, "valid_from"),
                validUntil,
                rs.getBigDecimal("price_factor"),
                money(rs.getBigDecimal("face_value"), currency),
                money(rs.getBigDecimal("min_spend"), currency),
                channels == null || channels.isEmpty() ? List.of() : Arrays.asList(channels.split(",")));
    }

    private static Money money(BigDecimal value, String currency) {
        return value == null ? null : new Money(value, currency);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
