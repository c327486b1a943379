package com.loyaltysuite.notification.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.notification.delivery.DeliveryStatus;
import com.loyaltysuite.notification.delivery.DeliveryView;
import com.loyaltysuite.notification.delivery.FindDeliveries;
import com.loyaltysuite.support.security.ApiSecurityConfiguration;
import com.loyaltysuite.support.web.ProblemDetailsAdvice;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The delivery-log API as support reads it: a member's deliveries newest first, and a problem for a bad id. */
@WebMvcTest(NotificationController.class)
@Import({ProblemDetailsAdvice.class, ApiSecurityConfiguration.class})
@WithMockUser(
        username = "agent-7",
        authorities = {"SCOPE_loyalty.support.read", "SCOPE_loyalty.support.write", "SCOPE_loyalty.checkout", "SCOPE_loyalty.admin"})
class NotificationControllerTest {

    static final Instant AT = Instant.parse("2026-11-23T10:00:05Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryGateway queries;

    @Test
    void aMembersDeliveriesAreListedAsLogged() throws Exception {
        deliveriesOf("M-1", List.of(
                new DeliveryView("N-2", "M-1", Channel.EMAIL, "points-expiring", DeliveryStatus.SKIPPED,
                        "member has not consented to email", null, "evt-2", AT.plusSeconds(60)),
                new DeliveryView("N-1", "M-1", Channel.EMAIL, "tier-changed", DeliveryStatus.SENT, null,
                        "zhang@example.com", "evt-1", AT)));

        mvc.perform(get("/members/M-1/notifications"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[*].notificationId").value(Matchers.contains("N-2", "N-1")))
                .andExpect(jsonPath("$[0].status").value("SKIPPED"))
                .andExpect(jsonPath("$[0].reason").value("member has not consented to email"))
                .andExpect(jsonPath("$[0].recipient").isEmpty())
                .andExpect(jsonPath("$[1].channel").value("EMAIL"))
                .andExpect(jsonPath("$[1].template").value("tier-changed"))
                .andExpect(jsonPath("$[1].recipient").value("zhang@example.com"))
                .andExpect(jsonPath("$[1].causationId").value("evt-1"))
                .andExpect(jsonPath("$[1].at").value("2026-11-23T10:00:05Z"));
    }

    @Test
    @WithMockUser(username = "viewer", authorities = "SCOPE_loyalty.support.read")
    void aReaderWhoDoesNotActForMembersSeesRecipientsMasked() throws Exception {
        deliveriesOf("M-1", List.of(new DeliveryView(
                "N-1", "M-1", Channel.EMAIL, "tier-changed", DeliveryStatus.SENT, null, "zhang@example.com", "evt-1", AT)));

        mvc.perform(get("/members/M-1/notifications"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].recipient").value("z***@example.com"));
    }

    @Test
    void aMemberNeverNotifiedHasAnEmptyLogNotA404() throws Exception {
        deliveriesOf("M-quiet", List.of());

        mvc.perform(get("/members/M-quiet/notifications"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void aBlankMemberIdIsA400ProblemNamingIt() throws Exception {
        mvc.perform(get("/members/{id}/notifications", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("memberId"));
        verifyNoInteractions(queries);
    }

    @Test
    void aMethodTheLogDoesNotOfferIsA405Problem() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/members/M-1/notifications"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("http-405"));
    }

    @SuppressWarnings("unchecked")
    private void deliveriesOf(String member, List<DeliveryView> log) {
        when(queries.query(eq(new FindDeliveries(MemberId.of(member))), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(log));
    }
}
