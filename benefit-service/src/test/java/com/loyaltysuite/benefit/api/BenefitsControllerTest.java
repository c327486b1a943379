package com.loyaltysuite.benefit.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.loyaltysuite.benefit.wallet.BenefitView;
import com.loyaltysuite.benefit.wallet.FindMemberBenefits;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.support.security.ApiSecurityConfiguration;
import com.loyaltysuite.support.web.ProblemDetailsAdvice;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The benefits API as callers see it: a member's wallet, oldest first, and a problem for a bad id. */
@WebMvcTest(BenefitsController.class)
@Import({ProblemDetailsAdvice.class, ApiSecurityConfiguration.class})
@WithMockUser(
        username = "agent-7",
        authorities = {"SCOPE_loyalty.support.read", "SCOPE_loyalty.support.write", "SCOPE_loyalty.checkout", "SCOPE_loyalty.admin"})
class BenefitsControllerTest {

    static final Instant GRANTED_AT = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryGateway queries;

    @Test
    void aMembersBenefitsAreListedAsHeld() throws Exception {
        benefitsOf("M-1", List.of(
                new BenefitView("B-1", "SILVER_UPGRADE_GIFT", BenefitKind.UPGRADE_GIFT, "SILVER", "银牌升级礼包", "ACTIVE", null,
                        GRANTED_AT, GRANTED_AT, GRANTED_AT.plusSeconds(90 * 86_400), null, null, null, List.of()),
                new BenefitView("B-2", "FREE_SHIPPING", BenefitKind.FREE_SHIPPING, "GOLD", "全年免邮", "ACTIVE", null,
                        GRANTED_AT.plusSeconds(60), GRANTED_AT.plusSeconds(60), null, null, null, null, List.of())));

        mvc.perform(get("/members/M-1/benefits"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[*].benefitId").value(org.hamcrest.Matchers.contains("B-1", "B-2")))
                .andExpect(jsonPath("$[0].code").value("SILVER_UPGRADE_GIFT"))
                .andExpect(jsonPath("$[0].kind").value("UPGRADE_GIFT"))
                .andExpect(jsonPath("$[0].tier").value("SILVER"))
                .andExpect(jsonPath("$[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$[0].grantedAt").value("2026-11-23T10:00:00Z"))
                .andExpect(jsonPath("$[0].validUntil").value("2027-02-21T10:00:00Z"))
                .andExpect(jsonPath("$[1].validUntil").isEmpty());
    }

    @Test
    void aMemberWithoutBenefitsHasAnEmptyListNotA404() throws Exception {
        benefitsOf("M-unknown", List.of());

        mvc.perform(get("/members/M-unknown/benefits"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void aBlankMemberIdIsA400ProblemNamingIt() throws Exception {
        mvc.perform(get("/members/{id}/benefits", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("memberId"));
        verifyNoInteractions(queries);
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        mvc.perform(get("/members/M-1/coupons"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("http-404"));
    }

    @SuppressWarnings("unchecked")
    private void benefitsOf(String member, List<BenefitView> held) {
        when(queries.query(eq(new FindMemberBenefits(MemberId.of(member))), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(held));
    }
}
