package com.loyaltysuite.member.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.loyaltysuite.support.security.ApiSecurityConfiguration;
import com.loyaltysuite.support.web.ProblemDetailsAdvice;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two registrations of one id can race past the aggregate's rule; the event store then refuses the
 * loser's first event. That must still read as "already registered", not as a server error.
 */
@WebMvcTest(MemberController.class)
@Import({ProblemDetailsAdvice.class, ApiSecurityConfiguration.class})
@WithMockUser(username = "agent-7", authorities = {"SCOPE_loyalty.support.read", "SCOPE_loyalty.support.write"})
class MemberControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    QueryGateway queries;

    @Test
    void aRegistrationThatLosesTheRaceToTheEventStoreIsA409() throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(new AggregateStreamCreationException(
                        "Cannot reuse aggregate identifier [M-race] to create aggregate [Member]"));

        mvc.perform(post("/members")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"memberId\":\"M-race\",\"name\":\"韩梅梅\",\"mobile\":\"+8613800138000\","
                                + "\"consents\":{\"sms\":true,\"email\":false}}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("member-already-registered"))
                .andExpect(jsonPath("$.detail").value("Member M-race is already registered"));
    }
}
