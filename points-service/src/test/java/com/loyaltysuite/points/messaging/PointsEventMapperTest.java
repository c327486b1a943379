package com.loyaltysuite.points.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventJson;
import com.loyaltysuite.events.codec.EventSchemas;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.points.PointsAdjusted;
import com.loyaltysuite.events.points.PointsAvailable;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.events.points.PointsExpired;
import com.loyaltysuite.events.points.PointsExpiring;
import com.loyaltysuite.events.points.PointsRedeemed;
import com.loyaltysuite.events.points.PointsReversed;
import com.loyaltysuite.points.account.ExpiryBucket;
import com.loyaltysuite.points.account.LotDraw;
import com.loyaltysuite.points.account.PointsTotals;
import com.loyaltysuite.points.adjustment.AdjustmentRecorded;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.earning.PointsMadeAvailable;
import com.loyaltysuite.points.earning.TierChangeRecorded;
import com.loyaltysuite.points.expiry.DuePointsExpired;
import com.loyaltysuite.points.expiry.ExpiringPointsWarned;
import com.loyaltysuite.points.redemption.PointsReserved;
import com.loyaltysuite.points.redemption.ReservationConfirmed;
import com.loyaltysuite.points.redemption.ReservationReleased;
import com.loyaltysuite.points.redemption.ReservationStatus;
import com.loyaltysuite.points.refund.RefundAwaitingOrderRecorded;
import com.loyaltysuite.points.refund.RefundReversed;
import com.loyaltysuite.points.standing.EarningWithheld;
import com.loyaltysuite.points.standing.MemberStatusRecorded;
import com.loyaltysuite.points.standing.PointsForfeited;
import com.loyaltysuite.points.standing.WithheldEarningForfeited;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each internal event other services see, mapped to its contract on {@code loyalty.points.v1}: the
 * fields carried over, the contract JSON valid against the schema consumers validate with, and read
 * back the same. Internal events with no contract stay inside the service.
 */
class PointsEventMapperTest {

    static final MemberId MEMBER = MemberId.of("M-42");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant AVAILABLE_AT = Instant.parse("2026-11-30T10:00:00Z");
    static final Instant EXPIRES_AT = Instant.parse("2027-11-23T10:00:00Z");
    static final PointsTotals TOTALS = new PointsTotals(100, 20, 5, 0, List.of(new ExpiryBucket(EXPIRES_AT, 120)));
    static final List<LotDraw> DRAWS = List.of(new LotDraw("order:O-1", 30));

    final IntegrationEventMapper mapper = PointsEventMapper.mappings();

    @Test
    void anEarningIsPointsEarnedWithWhatItWasBasedOn() throws IOException {
        var earned = new EarningRecorded(MEMBER, "default", OrderId.of("O-1"), 148, 99, new BigDecimal("1.5"), "GOLD",
                "earning-v1", "double-11", Money.of("99.99", "CNY"), AT, AVAILABLE_AT, EXPIRES_AT, 0, "evt-1", TOTALS);

        assertThat(published(earned, EventType.POINTS_EARNED)).isEqualTo(new PointsEarned(MEMBER, "default",
                OrderId.of("O-1"), 148, 99, new BigDecimal("1.5"), "GOLD", "earning-v1", Money.of("99.99", "CNY"), AT,
                AVAILABLE_AT, "evt-1"));
    }

    @Test
    void theEndOfThePendingPeriodIsPointsAvailable() throws IOException {
        var available = new PointsMadeAvailable(MEMBER, "default", OrderId.of("O-1"), 120, AVAILABLE_AT, "evt-1", TOTALS);

        assertThat(published(available, EventType.POINTS_AVAILABLE))
                .isEqualTo(new PointsAvailable(MEMBER, "default", OrderId.of("O-1"), 120, AVAILABLE_AT, "evt-1"));
    }

    @Test
    void aRefundsReversalIsPointsReversed() throws IOException {
        var reversed = new RefundReversed(MEMBER, "default", OrderId.of("O-1"), "R-1", Money.of("40.00", "CNY"), 30,
                DRAWS, 0, AT, "evt-r", TOTALS);

        assertThat(published(reversed, EventType.POINTS_REVERSED))
                .isEqualTo(new PointsReversed(MEMBER, "default", OrderId.of("O-1"), "R-1", 30, AT, "evt-r"));
    }

    @Test
    void aConfirmedReservationIsPointsRedeemedUnderItsIdAndCheckoutReference() throws IOException {
        var confirmed = new ReservationConfirmed(MEMBER, "default", "rq-1", "CO-9", 800, AT, TOTALS);

        assertThat(published(confirmed, EventType.POINTS_REDEEMED))
                .isEqualTo(new PointsRedeemed(MEMBER, "default", "rq-1", "CO-9", 800, AT));
    }

    @Test
    void aWarningIsPointsExpiring() throws IOException {
        var warned = new ExpiringPointsWarned(MEMBER, "default", 250, EXPIRES_AT, AT);

        assertThat(published(warned, EventType.POINTS_EXPIRING))
                .isEqualTo(new PointsExpiring(MEMBER, "default", 250, EXPIRES_AT, AT));
    }

    @Test
    void anExpiryIsPointsExpired() throws IOException {
        var expired = new DuePointsExpired(MEMBER, "default", 70, DRAWS, EXPIRES_AT, TOTALS);

        assertThat(published(expired, EventType.POINTS_EXPIRED))
                .isEqualTo(new PointsExpired(MEMBER, "default", 70, EXPIRES_AT));
    }

    @Test
    void pointsForfeitedOnClosingArePointsExpiredUnlessOnlyWithheldOnesWent() throws IOException {
        var forfeited = new PointsForfeited(MEMBER, "default", 70, DRAWS, 20, "closed on request", AT, TOTALS);
        var onlyWithheld = new PointsForfeited(MEMBER, "default", 0, List.of(), 20, "closed on request", AT, TOTALS);

        assertThat(published(forfeited, EventType.POINTS_EXPIRED)).isEqualTo(new PointsExpired(MEMBER, "default", 70, AT));
        assertThat(mapper.toIntegrationEvent(onlyWithheld)).isEmpty();
    }

    @Test
    void anAdditionAndARemovalBySupportStaffArePointsAdjusted() throws IOException {
        var added = new AdjustmentRecorded(MEMBER, "default", "ADJ-1", 500, "goodwill, ticket 4711", "agent-7", AT,
                EXPIRES_AT, 0, List.of(), 0, TOTALS);
        var removed = new AdjustmentRecorded(MEMBER, "default", "ADJ-2", -30, "correction", "agent-7", AT, null, 0,
                DRAWS, 0, TOTALS);

        assertThat(published(added, EventType.POINTS_ADJUSTED))
                .isEqualTo(new PointsAdjusted(MEMBER, "default", 500, "goodwill, ticket 4711", "agent-7", AT));
        assertThat(published(removed, EventType.POINTS_ADJUSTED))
                .isEqualTo(new PointsAdjusted(MEMBER, "default", -30, "correction", "agent-7", AT));
    }

    @Test
    void reservationsTierHistoryStatusesWithheldEarningsAndRefundsAwaitingTheirOrderStayInside() {
        List<Object> internal = List.of(
                new PointsReserved(MEMBER, "default", "rq-1", "CO-9", 800, DRAWS, AT, AT.plusSeconds(900), TOTALS),
                new ReservationReleased(MEMBER, "default", "rq-1", "CO-9", 800, ReservationStatus.EXPIRED, AT, TOTALS),
                new TierChangeRecorded(MEMBER, "default", "GOLD", AT, "tier-1"),
                new MemberStatusRecorded(MEMBER, "default", MemberStatus.FROZEN, "review", AT, "status-1"),
                new EarningWithheld(MEMBER, "default", OrderId.of("O-8"), 10, 10, BigDecimal.ONE, "MEMBER", "earning-v1",
                        null, Money.of("10.00", "CNY"), AT, AVAILABLE_AT, EXPIRES_AT, MemberStatus.FROZEN, "evt-8", TOTALS),
                new WithheldEarningForfeited(MEMBER, "default", OrderId.of("O-8"), 10, "fraud confirmed", AT, "status-2", TOTALS),
                new RefundAwaitingOrderRecorded(MEMBER, "default", OrderId.of("O-7"), "R-7", Money.of("10.00", "CNY"), AT,
                        "evt-7"));

        assertThat(internal).allSatisfy(event -> assertThat(mapper.toIntegrationEvent(event)).isEmpty());
    }

    /** The contract event, checked as a consumer reads it: its type's topic and schema, read back equal. */
    private IntegrationEvent published(Object internal, EventType type) throws IOException {
        IntegrationEvent contract = mapper.toIntegrationEvent(internal).orElseThrow();
        byte[] json = CloudEventCodec.toJson(contract);
        JsonNode tree = EventJson.mapper().readTree(json);

        assertThat(EventType.of(contract.getClass())).isEqualTo(type);
        assertThat(type.topic()).isEqualTo("loyalty.points.v1");
        assertThat(EventSchemas.violations(type, tree)).isEmpty();
        assertThat(CloudEventCodec.parseData(type, json)).isEqualTo(contract);
        return contract;
    }
}
