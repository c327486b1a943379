package com.loyaltysuite.tier.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.support.security.ApiSecurityConfiguration;
import com.loyaltysuite.support.web.ProblemDetailsAdvice;
import com.loyaltysuite.tier.ladder.Ladders;
import com.loyaltysuite.tier.ladder.TierLadder;
import com.loyaltysuite.tier.ladder.UnknownTierException;
import com.loyaltysuite.tier.membertier.AssignManualTier;
import com.loyaltysuite.tier.membertier.EndManualTier;
import com.loyaltysuite.tier.membertier.ManualMode;
import com.loyaltysuite.tier.membertier.ManualTierEndPassedException;
import com.loyaltysuite.tier.membertier.NoManualTierException;
import com.loyaltysuite.tier.policy.TierPolicy;
import com.loyaltysuite.tier.status.FindMemberTier;
import com.loyaltysuite.tier.status.FindTierHistory;
import com.loyaltysuite.tier.status.MemberTierView;
import com.loyaltysuite.tier.status.TierHistoryEntry;
import java.math.BigDecimal;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The HTTP API alone: what each endpoint answers, and every error as problem+json — 400 naming the
 * fields, 404 for a member tier-service does not know, 409 for a rule refusing, 422 for a request
 * that can never apply. Commands and queries are mocked; the rules are the standard ladder.
 */
@WebMvcTest(TierController.class)
@Import({ProblemDetailsAdvice.class, ApiSecurityConfiguration.class, TierControllerTest.Rules.class})
@WithMockUser(
        username = "agent-7",
        authorities = {"SCOPE_loyalty.support.read", "SCOPE_loyalty.support.write", "SCOPE_loyalty.checkout", "SCOPE_loyalty.admin"})
class TierControllerTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final String UNTIL = "2027-02-01T00:00:00Z";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    QueryGateway queries;

    @TestConfiguration
    static class Rules {

        @Bean
        TierLadder tierLadder() {
            return Ladders.standard();
        }

        @Bean
        TierPolicy tierPolicy(TierLadder ladder) {
            return new TierPolicy(ladder, null, null, null, null, null);
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Test
    void aKnownMembersTierIsShown() throws Exception {
        when(queries.query(eq(new FindMemberTier(MemberId.of("M-1"))), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(view("M-1"))));

        mvc.perform(get("/members/M-1/tier"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").value("SILVER"))
                .andExpect(jsonPath("$.qualifyingValue.value").value("600.00"));
    }

    @Test
    void aMemberWithoutOrdersIsA404ForTheTierAndTheHistory() throws Exception {
        when(queries.query(any(FindMemberTier.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));
        when(queries.query(any(FindTierHistory.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));

        problem(mvc.perform(get("/members/M-0/tier")), 404, "member-tier-not-found");
        problem(mvc.perform(get("/members/M-0/tier/history")), 404, "member-tier-not-found");
    }

    @Test
    void aManualTierIsAssignedAsOfNowByTheTokensSubjectAndAnsweredAsRecorded() throws Exception {
        // An operatorId in the body is ignored: the operator is who the token says.
        assign("{\"tier\":\"GOLD\",\"mode\":\"PIN\",\"reason\":\"vip\",\"operatorId\":\"forged\",\"until\":\"" + UNTIL + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").value("GOLD"))
                .andExpect(jsonPath("$.mode").value("PIN"))
                .andExpect(jsonPath("$.assignedAt").value(NOW.toString()))
                .andExpect(jsonPath("$.operatorId").value("agent-7"));

        verify(commands).sendAndWait(new AssignManualTier(
                MemberId.of("M-1"), "default", "GOLD", ManualMode.PIN, "vip", "agent-7", Instant.parse(UNTIL), NOW));
    }

    @Test
    void anInvalidAssignmentIsA400NamingEachFieldAndSendsNothing() throws Exception {
        problem(assign("{\"tier\":\"PLATINUM\",\"mode\":\"PIN\",\"reason\":\" \",\"until\":\"" + UNTIL + "\"}"), 400,
                        "validation-failed")
                .andExpect(jsonPath("$.errors[*].field").value(contains("reason", "tier")))
                .andExpect(jsonPath("$.errors[?(@.field == 'tier')].message").value("is not a tier on the ladder"));
        problem(assign("{\"tier\":\"GOLD\",\"mode\":\"SOMETIMES\",\"reason\":\"r\",\"operatorId\":\"o\",\"until\":\"" + UNTIL
                        + "\"}"), 400, "validation-failed")
                .andExpect(jsonPath("$.errors[0].field").value("mode"));

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anAssignmentTheRulesRefuseIsA409AndOneThatCanNeverApplyA422() throws Exception {
        String body = "{\"tier\":\"GOLD\",\"mode\":\"FLOOR\",\"reason\":\"r\",\"operatorId\":\"o\",\"until\":\"" + UNTIL + "\"}";
        when(commands.sendAndWait(any(AssignManualTier.class)))
                .thenThrow(new ManualTierEndPassedException(Instant.parse(UNTIL), NOW))
                .thenThrow(new UnknownTierException("GOLD"));

        problem(assign(body), 409, "manual-tier-end-passed");
        problem(assign(body), 422, "unknown-tier").andExpect(jsonPath("$.detail").value("No tier 'GOLD' on the ladder"));
    }

    @Test
    void endingAManualTierIs204AndEndingNoneA409() throws Exception {
        mvc.perform(delete("/members/M-1/tier/manual")).andExpect(status().isNoContent());
        verify(commands).sendAndWait(new EndManualTier(MemberId.of("M-1"), "agent-7", NOW, null));

        when(commands.sendAndWait(any(EndManualTier.class))).thenThrow(new NoManualTierException(MemberId.of("M-2")));
        problem(mvc.perform(delete("/members/M-2/tier/manual")), 409, "no-manual-tier");
        problem(mvc.perform(delete("/members/{id}/tier/manual", " ")), 400, "validation-failed")
                .andExpect(jsonPath("$.errors[0].field").value("memberId"));
    }

    @Test
    void theLadderInForceIsShown() throws Exception {
        mvc.perform(get("/tiers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policyVersion").value("ladder-v1"))
                .andExpect(jsonPath("$.unit").value("CNY"))
                .andExpect(jsonPath("$.tiers[1].code").value("SILVER"))
                .andExpect(jsonPath("$.tiers[1].names.zh-CN").value("银牌"))
                .andExpect(jsonPath("$.tiers[1].threshold.value").value("500.00"));
    }

    @Test
    void aProposedLadderThatCannotWorkIsA400OnTiers() throws Exception {
        problem(mvc.perform(post("/tiers/simulations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"tiers\":[{\"code\":\"SILVER\",\"threshold\":500}]}")),
                        400, "validation-failed")
                .andExpect(jsonPath("$.errors[0].field").value("tiers"));

        verify(queries, never()).query(any(), any(ResponseType.class));
    }

    @Test
    @DirtiesContext // it spends the instance's allowance; later tests get a fresh one
    void simulationsBeyondTheInstancesAllowanceAreA429WithRetryAfter() throws Exception {
        // Any body: the limit is taken before the request is read, so even refused bodies count.
        int accepted = 0;
        MvcResult refused = null;
        for (int call = 0; call < 10 && refused == null; call++) {
            MvcResult result = mvc.perform(post("/tiers/simulations")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"tiers\":[{\"code\":\"SILVER\",\"threshold\":500}]}"))
                    .andReturn();
            if (result.getResponse().getStatus() == 429) {
                refused = result;
            } else {
                accepted++;
            }
        }

        assertThat(accepted).isLessThanOrEqualTo(5);
        assertThat(refused).isNotNull();
        assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getResponse().getContentAsString()).contains("\"code\":\"rate-limited\"");
    }

    private ResultActions assign(String body) throws Exception {
        return mvc.perform(put("/members/M-1/tier/manual").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions problem(ResultActions response, int status, String code) throws Exception {
        return response.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.type").value("urn:loyaltysuite:problem:" + code))
                .andExpect(jsonPath("$.traceId").isNotEmpty());
    }

    private static MemberTierView view(String member) {
        QualifyingValue value = new QualifyingValue(new BigDecimal("600.00"), "CNY");
        return new MemberTierView(
                member, "SILVER", "银牌", "Silver", NOW, NOW.plusSeconds(3600), value,
                new TierHistoryEntry.WindowView("ROLLING", NOW.minusSeconds(3600), NOW), "GOLD", value, value, value,
                "SILVER", null, "SILVER", "ladder-v1", NOW, List.of());
    }
}
