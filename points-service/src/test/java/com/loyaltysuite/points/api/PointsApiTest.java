package com.loyaltysuite.points.api;

import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.points.account.RequestIdReusedException;
import com.loyaltysuite.points.adjustment.AdjustPoints;
import com.loyaltysuite.points.adjustment.AdjustmentView;
import com.loyaltysuite.points.earning.UnsupportedCurrencyException;
import com.loyaltysuite.points.ledger.FindPointsBalance;
import com.loyaltysuite.points.ledger.FindPointsLedger;
import com.loyaltysuite.points.ledger.LedgerEntryView;
import com.loyaltysuite.points.ledger.PointsBalanceView;
import com.loyaltysuite.points.ledger.PointsLedgerView;
import com.loyaltysuite.points.redemption.CancelReservation;
import com.loyaltysuite.points.redemption.ConfirmReservation;
import com.loyaltysuite.points.redemption.InsufficientPointsException;
import com.loyaltysuite.points.redemption.ReservationClosedException;
import com.loyaltysuite.points.redemption.ReservationNotFoundException;
import com.loyaltysuite.points.redemption.ReservationStatus;
import com.loyaltysuite.points.redemption.ReservationView;
import com.loyaltysuite.points.redemption.ReservePoints;
import com.loyaltysuite.support.security.ApiSecurityConfiguration;
import com.loyaltysuite.support.web.ProblemDetailsAdvice;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The points HTTP API alone (balance and ledger, reservations, adjustments): what each endpoint
 * answers and sends, and every error as problem+json — 400 naming the field, 404 for something
 * unknown, 409 for a rule refusing, 422 for a request that can never apply. Commands and queries are
 * mocked; the clock is fixed.
 */
@WebMvcTest({PointsController.class, RedemptionController.class, AdjustmentController.class})
@Import({ProblemDetailsAdvice.class, ApiSecurityConfiguration.class, PointsApiTest.FixedClock.class})
@WithMockUser(
        username = "agent-7",
        authorities = {"SCOPE_loyalty.support.read", "SCOPE_loyalty.support.write", "SCOPE_loyalty.checkout", "SCOPE_loyalty.admin"})
class PointsApiTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final MemberId MEMBER = MemberId.of("M-1");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    QueryGateway queries;

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    // ---- balance and ledger

    @Test
    void theBalanceIsTheProjectedView() throws Exception {
        answer(new FindPointsBalance(MEMBER), new PointsBalanceView("M-1", 620, 500, 90, 30, 0, 15,
                List.of(new PointsBalanceView.ExpiringPoints(40, NOW.plusSeconds(3600))), NOW));

        mvc.perform(get("/members/M-1/points"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(620))
                .andExpect(jsonPath("$.pending").value(90))
                .andExpect(jsonPath("$.withheld").value(15))
                .andExpect(jsonPath("$.expiringSoon[0].points").value(40));
    }

    @Test
    void aMemberWithoutAnAccountIsA404Problem() throws Exception {
        answer(new FindPointsBalance(MEMBER), null);

        problem(mvc.perform(get("/members/M-1/points")), 404, "points-account-not-found")
                .andExpect(jsonPath("$.detail").value("Member M-1 has no points account yet"));
    }

    @Test
    void theLedgerPagesNewestFirstWithTheMoneyBehindEachEntry() throws Exception {
        answer(new FindPointsLedger(MEMBER, 1, 2), new PointsLedgerView("M-1", 1, 2, 3, List.of(new LedgerEntryView(
                0, "EARNED", 599, 599, NOW, "O-1", null, "order O-1 paid 599.99 CNY", null, null, "evt-1", NOW, NOW,
                Money.of("599.99", "CNY")))));

        mvc.perform(get("/members/M-1/points/ledger?page=1&size=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalEntries").value(3))
                .andExpect(jsonPath("$.entries[0].kind").value("EARNED"))
                .andExpect(jsonPath("$.entries[0].amount.value").value("599.99"))
                .andExpect(jsonPath("$.entries[0].amount.currency").value("CNY"));
    }

    @Test
    void aPageLargerThanTwoHundredIsRefused() throws Exception {
        problem(mvc.perform(get("/members/M-1/points/ledger?size=201")), 400, null);
        verify(queries, never()).query(any(), any(ResponseType.class));
    }

    // ---- reservations

    @Test
    void aReservationIsCreatedAtTheClocksTimeAndLocated() throws Exception {
        when(commands.sendAndWait(new ReservePoints(MEMBER, "rq-1", "CO-9", 250, NOW))).thenReturn(reservation(ReservationStatus.OPEN));

        mvc.perform(post("/members/M-1/points/reservations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"rq-1\",\"orderId\":\"CO-9\",\"points\":250}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/members/M-1/points/reservations/rq-1"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.value.value").value("2.50"));
    }

    @Test
    void anInvalidReservationNamesEachBadField() throws Exception {
        problem(mvc.perform(post("/members/M-1/points/reservations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"\",\"orderId\":\"CO-9\",\"points\":0}")), 400, "validation-failed")
                .andExpect(jsonPath("$.errors[*].field", contains("points", "requestId")));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void moreThanIsAvailableIsA409Problem() throws Exception {
        when(commands.sendAndWait(any(ReservePoints.class))).thenThrow(new InsufficientPointsException(250, 100));

        problem(reserve(), 409, "insufficient-points")
                .andExpect(jsonPath("$.detail").value("Cannot redeem 250 points: only 100 are available"));
    }

    @Test
    void aRequestIdReusedForAnotherRequestIsA409Problem() throws Exception {
        when(commands.sendAndWait(any(ReservePoints.class))).thenThrow(new RequestIdReusedException("rq-1"));

        problem(reserve(), 409, "request-id-reused");
    }

    @Test
    void confirmingAndCancellingAnswerTheReservation() throws Exception {
        when(commands.sendAndWait(new ConfirmReservation(MEMBER, "rq-1", NOW))).thenReturn(reservation(ReservationStatus.CONFIRMED));
        when(commands.sendAndWait(new CancelReservation(MEMBER, "rq-2", NOW))).thenReturn(reservation(ReservationStatus.CANCELLED));

        mvc.perform(post("/members/M-1/points/reservations/rq-1/confirm"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
        mvc.perform(post("/members/M-1/points/reservations/rq-2/cancel"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void anUnknownReservationIsA404AndAClosedOneA409Problem() throws Exception {
        when(commands.sendAndWait(new ConfirmReservation(MEMBER, "rq-404", NOW)))
                .thenThrow(new ReservationNotFoundException("rq-404"));
        when(commands.sendAndWait(new CancelReservation(MEMBER, "rq-1", NOW)))
                .thenThrow(new ReservationClosedException("rq-1", ReservationStatus.CONFIRMED));

        problem(mvc.perform(post("/members/M-1/points/reservations/rq-404/confirm")), 404, "reservation-not-found");
        problem(mvc.perform(post("/members/M-1/points/reservations/rq-1/cancel")), 409, "reservation-closed")
                .andExpect(jsonPath("$.detail").value("Reservation rq-1 is confirmed"));
    }

    // ---- adjustments

    @Test
    void anAdjustmentIsRecordedWithTheOperatorAndReasonAtTheClocksTime() throws Exception {
        when(commands.sendAndWait(new AdjustPoints(MEMBER, "adj-1", -30, "correction", "agent-7", NOW)))
                .thenReturn(new AdjustmentView("adj-1", "M-1", -30, "correction", "agent-7", NOW, 570));

        mvc.perform(post("/members/M-1/points/adjustments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"adj-1\",\"points\":-30,\"reason\":\"correction\",\"operatorId\":\"forged\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.balanceAfter").value(570));
    }

    @Test
    void anAdjustmentWithoutAReasonOrOfZeroPointsNamesTheField() throws Exception {
        problem(adjust("{\"requestId\":\"adj-1\",\"points\":5,\"operatorId\":\"agent-7\"}"), 400, "validation-failed")
                .andExpect(jsonPath("$.errors[*].field", contains("reason")));
        problem(adjust("{\"requestId\":\"adj-1\",\"points\":0,\"reason\":\"r\",\"operatorId\":\"agent-7\"}"), 400, "validation-failed")
                .andExpect(jsonPath("$.errors[*].field", contains("nonZero")))
                .andExpect(jsonPath("$.detail").value("nonZero: points must not be zero"));
        problem(adjust("{\"requestId\":\"adj-1\",\"points\":\"many\",\"reason\":\"r\",\"operatorId\":\"agent-7\"}"), 400, "validation-failed")
                .andExpect(jsonPath("$.errors[*].field", contains("points")));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aRequestTheProgrammeCanNeverApplyIsA422Problem() throws Exception {
        when(commands.sendAndWait(any(AdjustPoints.class))).thenThrow(new UnsupportedCurrencyException("USD", "CNY"));

        problem(adjust("{\"requestId\":\"adj-1\",\"points\":5,\"reason\":\"r\",\"operatorId\":\"agent-7\"}"), 422, "unsupported-currency");
    }

    // ---- helpers

    private void answer(Object query, Object view) {
        when(queries.query(eq(query), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(Optional.ofNullable(view)));
    }

    private ResultActions reserve() throws Exception {
        return mvc.perform(post("/members/M-1/points/reservations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"requestId\":\"rq-1\",\"orderId\":\"CO-9\",\"points\":250}"));
    }

    private ResultActions adjust(String body) throws Exception {
        return mvc.perform(post("/members/M-1/points/adjustments").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** A problem+json answer with this status, and this code where one is given. */
    private static ResultActions problem(ResultActions result, int status, String code) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.traceId").exists());
        return code == null ? result : result.andExpect(jsonPath("$.code").value(code));
    }

    private static ReservationView reservation(ReservationStatus status) {
        return new ReservationView("rq-1", "M-1", "CO-9", 250, Money.of("2.50", "CNY"), status, NOW.plusSeconds(900));
    }
}
