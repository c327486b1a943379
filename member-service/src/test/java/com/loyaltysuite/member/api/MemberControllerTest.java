package com.loyaltysuite.member.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.ConsentPurpose;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.member.directory.FindMember;
import com.loyaltysuite.member.directory.MemberView;
import com.loyaltysuite.member.profile.MemberAlreadyRegisteredException;
import com.loyaltysuite.member.profile.RecordConsentChange;
import com.loyaltysuite.member.profile.RecordRegistration;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import com.loyaltysuite.member.profile.UpdateProfile;
import com.loyaltysuite.support.security.ApiSecurityConfiguration;
import com.loyaltysuite.support.web.ProblemDetailsAdvice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The member API as callers see it: statuses, bodies, and a problem naming each bad field or the refusal. */
@WebMvcTest(MemberController.class)
@Import({ProblemDetailsAdvice.class, ApiSecurityConfiguration.class})
@WithMockUser(username = "agent-7", authorities = {"SCOPE_loyalty.support.read", "SCOPE_loyalty.support.write"})
class MemberControllerTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00.123Z");
    static final String REGISTRATION = "{\"memberId\":\"M-1\",\"name\":\"韩梅梅\",\"mobile\":\"+8613800138000\","
            + "\"email\":\"meimei@example.com\",\"birthday\":\"1990-05-17\",\"consents\":{\"sms\":true,\"email\":false}}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    QueryGateway queries;

    @Test
    void aRegistrationIsCreatedWithItsLocationAndTheProfileAsRecorded() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(recorded(MEMBER));

        postJson("/members", REGISTRATION)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/members/M-1"))
                .andExpect(jsonPath("$.memberId").value("M-1"))
                .andExpect(jsonPath("$.programId").value("default"))
                .andExpect(jsonPath("$.birthday").value("1990-05-17"))
                .andExpect(jsonPath("$.consents.sms").value(true))
                .andExpect(jsonPath("$.registeredAt").value("2026-11-23T10:00:00.123Z"));
        verify(commands).sendAndWait(new RecordRegistration(MEMBER, "default", "韩梅梅", "+8613800138000",
                "meimei@example.com", LocalDate.of(1990, 5, 17), new Consents(true, false)));
    }

    @Test
    void aRegistrationWithoutAnIdIsGivenOne() throws Exception {
        when(commands.sendAndWait(any())).thenAnswer(call -> recorded(call.<RecordRegistration>getArgument(0).memberId()));

        postJson("/members", "{\"name\":\"李雷\",\"mobile\":\"13800138000\",\"consents\":{\"sms\":false,\"email\":false}}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.matchesPattern("/members/M-[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.memberId").value(Matchers.matchesPattern("M-[0-9a-f-]{36}")));
    }

    @Test
    void everyBadFieldIsNamedInOne400Problem() throws Exception {
        postJson("/members", "{\"memberId\":\"not an id!\",\"name\":\" \",\"mobile\":\"12345\",\"email\":\"not-an-email\","
                        + "\"birthday\":\"2999-01-01\",\"consents\":{\"sms\":true}}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.traceId").exists())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder(
                        "memberId", "name", "mobile", "email", "birthday", "consents.email")));
        verify(commands, never()).sendAndWait(any());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleBadFields")
    void aBadFieldIsNamedInA400Problem(String why, String body, String field) throws Exception {
        postJson("/members", body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains(field)));
    }

    static Stream<Arguments> singleBadFields() {
        String consents = "\"consents\":{\"sms\":true,\"email\":false}";
        String mobile = "\"mobile\":\"13800138000\"";
        return Stream.of(
                Arguments.of(
                        "a wrong type",
                        "{\"name\":\"韩梅梅\"," + mobile + ",\"consents\":{\"sms\":\"maybe\",\"email\":false}}",
                        "consents.sms"),
                Arguments.of("a name that is not text", "{\"name\":[\"韩\"]," + mobile + "," + consents + "}", "name"),
                Arguments.of(
                        "a malformed birthday",
                        "{\"name\":\"韩梅梅\"," + mobile + ",\"birthday\":\"1990-02-30\"," + consents + "}",
                        "birthday"),
                Arguments.of(
                        "a name too long", "{\"name\":\"" + "x".repeat(101) + "\"," + mobile + "," + consents + "}", "name"),
                Arguments.of("no mobile", "{\"name\":\"韩梅梅\"," + consents + "}", "mobile"),
                Arguments.of(
                        "a mobile starting with 0",
                        "{\"name\":\"韩梅梅\",\"mobile\":\"+0123456789\"," + consents + "}",
                        "mobile"),
                Arguments.of(
                        "an empty email", "{\"name\":\"韩梅梅\"," + mobile + ",\"email\":\"\"," + consents + "}", "email"),
                Arguments.of(
                        "an id too long",
                        "{\"memberId\":\"" + "M".repeat(65) + "\",\"name\":\"韩梅梅\"," + mobile + "," + consents + "}",
                        "memberId"),
                Arguments.of("no consents", "{\"name\":\"韩梅梅\"," + mobile + "}", "consents"),
                Arguments.of("not JSON", "{\"name\":", "body"));
    }

    @Test
    void aSecondRegistrationOfAnIdIsA409() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new MemberAlreadyRegisteredException(MEMBER));

        postJson("/members", REGISTRATION)
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("member-already-registered"))
                .andExpect(jsonPath("$.type").value("urn:loyaltysuite:problem:member-already-registered"));
    }

    /**
     * Two registrations of one id can race past the aggregate's rule; the event store then refuses the
     * loser's first event. That must still read as "already registered", not as a server error.
     */
    @Test
    void aRegistrationThatLosesTheRaceToTheEventStoreIsA409() throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(new AggregateStreamCreationException(
                        "Cannot reuse aggregate identifier [M-race] to create aggregate [Member]"));

        postJson("/members", REGISTRATION.replace("\"M-1\"", "\"M-race\""))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("member-already-registered"))
                .andExpect(jsonPath("$.detail").value("Member M-race is already registered"));
    }

    @Test
    void aKnownMemberIsReadFromTheDirectory() throws Exception {
        when(queries.query(eq(new FindMember(MEMBER)), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(MemberView.of(recorded(MEMBER), recorded(MEMBER).clearPersonalData()))));

        mvc.perform(get("/members/M-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("韩梅梅"))
                .andExpect(jsonPath("$.mobile").value("+8613800138000"))
                .andExpect(jsonPath("$.consents.email").value(false));
    }

    @Test
    @WithMockUser(username = "viewer", authorities = "SCOPE_loyalty.support.read")
    void aReaderWhoDoesNotActForMembersSeesTheContactDetailsMasked() throws Exception {
        when(queries.query(eq(new FindMember(MEMBER)), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(MemberView.of(recorded(MEMBER), recorded(MEMBER).clearPersonalData()))));

        mvc.perform(get("/members/M-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mobile").value("+86138****8000"))
                .andExpect(jsonPath("$.email").value("m***@example.com"));
    }

    @Test
    @WithMockUser(username = "M-1", authorities = "SCOPE_loyalty.member")
    void aMemberSeesTheirOwnContactDetailsAndNobodyElses() throws Exception {
        when(queries.query(eq(new FindMember(MEMBER)), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(MemberView.of(recorded(MEMBER), recorded(MEMBER).clearPersonalData()))));

        mvc.perform(get("/members/M-1")).andExpect(status().isOk()).andExpect(jsonPath("$.mobile").value("+8613800138000"));
        mvc.perform(get("/members/M-2"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownMemberIsA404Problem() throws Exception {
        when(queries.query(any(), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));

        mvc.perform(get("/members/M-404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("member-not-found"))
                .andExpect(jsonPath("$.detail").value("No member M-404 is registered"));
    }

    @Test
    void aBlankMemberIdIsA400ProblemNamingIt() throws Exception {
        mvc.perform(get("/members/{id}", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("memberId"));
        mvc.perform(put("/members/{id}/consents", " ")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sms\":true,\"email\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("memberId"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void bothConsentsAreRecordedAndAnsweredWith204() throws Exception {
        putJson("/members/M-1/consents", "{\"sms\":false,\"email\":true}").andExpect(status().isNoContent());

        verify(commands).sendAndWait(new RecordConsentChange(MEMBER, Channel.SMS, ConsentPurpose.MARKETING, false, "staff:agent-7"));
        verify(commands).sendAndWait(new RecordConsentChange(MEMBER, Channel.EMAIL, ConsentPurpose.MARKETING, true, "staff:agent-7"));
    }

    @Test
    @WithMockUser(username = "M-1", authorities = "SCOPE_loyalty.member")
    void aMemberWithdrawsTransactionalConsentThemselves() throws Exception {
        putJson("/members/M-1/consents", "{\"sms\":false,\"email\":true,\"purpose\":\"TRANSACTIONAL\"}")
                .andExpect(status().isNoContent());

        verify(commands).sendAndWait(new RecordConsentChange(MEMBER, Channel.SMS, ConsentPurpose.TRANSACTIONAL, false, "member"));
    }

    @Test
    void consentsMustBothBeGiven() throws Exception {
        putJson("/members/M-1/consents", "{\"sms\":false}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("email")));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anUnknownMembersConsentsAreA404Problem() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException("M-404", "no events"));

        putJson("/members/M-404/consents", "{\"sms\":true,\"email\":true}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("member-not-found"));
    }

    @Test
    void preferredChannelsAreChangedByPatch() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/members/M-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preferredChannels\":[\"EMAIL\"]}"))
                .andExpect(status().isNoContent());

        verify(commands).sendAndWait(new UpdateProfile(MEMBER, null, null, null, null, null, null, List.of(Channel.EMAIL)));
    }

    @Test
    void anUnknownPreferredChannelIsA400ProblemNamingTheField() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/members/M-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preferredChannels\":[\"SMS\",\"FAX\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains(Matchers.startsWith("preferredChannels"))));

        verify(commands, never()).sendAndWait(any());
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions putJson(String path, String body) throws Exception {
        return mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static RegistrationRecorded recorded(MemberId member) {
        return new RegistrationRecorded(member, "default", "韩梅梅", "+8613800138000", "meimei@example.com",
                LocalDate.of(1990, 5, 17), new Consents(true, false), AT);
    }
}
