package com.loyaltysuite.member.api;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Programs;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.member.consents.ConsentHistoryView;
import com.loyaltysuite.member.consents.FindConsentHistory;
import com.loyaltysuite.member.directory.FindMember;
import com.loyaltysuite.member.directory.MemberView;
import com.loyaltysuite.member.profile.ChangeStatus;
import com.loyaltysuite.member.profile.EraseMember;
import com.loyaltysuite.member.profile.MemberAlreadyRegisteredException;
import com.loyaltysuite.member.profile.MemberNotFoundException;
import com.loyaltysuite.member.profile.MobileNumbers;
import com.loyaltysuite.member.profile.RecordConsentChange;
import com.loyaltysuite.member.profile.RecordRegistration;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import com.loyaltysuite.member.profile.UpdateProfile;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.ZoneId;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Members", description = "Registration, profile, consents, status and erasure")
@RestController
@RequestMapping("/members")
@Validated
class MemberController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    MemberController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * Answers with the profile as registered: the read model is built asynchronously, so a GET right
     * after may still answer 404 for a moment.
     */
    @Allowed({Scopes.SUPPORT_WRITE})
    @Operation(
            summary = "Register a member",
            description = "Answers with the profile as registered; the read model follows asynchronously, so a GET"
                    + " right after may answer 404 for a moment. Without memberId, one is assigned.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "register",
                            value = "{\"memberId\": \"M-10001\", \"name\": \"王小明\", \"mobile\": \"+8613800138000\","
                                    + " \"email\": \"xiaoming@example.com\", \"birthday\": \"1990-05-20\","
                                    + " \"consents\": {\"sms\": true, \"email\": false}}"))))
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "409", description = "The member id, mobile or email is held by another member")
    @PostMapping
    ResponseEntity<MemberView> register(@Valid @RequestBody RegisterMemberRequest request) {
        MemberId memberId = MemberId.of(request.memberId() != null ? request.memberId() : "M-" + UUID.randomUUID());
        RegistrationRecorded registered;
        PersonalData personal = new PersonalData(
                request.name(), MobileNumbers.e164(request.mobile()).orElseThrow(), request.email(), request.birthday());
        try {
            registered = commands.sendAndWait(new RecordRegistration(
                    memberId,
                    Programs.DEFAULT,
                    personal.name(),
                    personal.mobile(),
                    personal.email(),
                    personal.birthday(),
                    request.consents().toConsents()));
        } catch (AggregateStreamCreationException e) {
            // Another registration of this id won the race to the event store's first row.
            throw new MemberAlreadyRegisteredException(memberId);
        }
        return ResponseEntity.created(URI.create("/members/" + memberId.value())).body(MemberView.of(registered, personal));
    }

    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @Operation(summary = "A member's profile", description = "Contact details are masked unless the caller is the member or support staff.")
    @GetMapping("/{memberId}")
    MemberView member(@PathVariable @ValidMemberId String memberId) {
        MemberId id = MemberId.of(memberId);
        return queries.query(new FindMember(id), ResponseTypes.optionalInstanceOf(MemberView.class))
                .join()
                .orElseThrow(() -> new MemberNotFoundException(id));
    }

    /**
     * Sets both channels' consents for one purpose; only a channel whose consent actually changes is
     * published. Idempotent. The source is who asked: the member, or a staff member named by the token.
     */
    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_WRITE})
    @Operation(
            summary = "Set a member's consents for one purpose",
            description = "SMS and email consent for TRANSACTIONAL or MARKETING (the default) messages. Idempotent;"
                    + " the source recorded is the caller.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "no marketing email",
                            value = "{\"sms\": true, \"email\": false, \"purpose\": \"MARKETING\"}"))))
    @ApiResponse(responseCode = "204", description = "Set")
    @ApiResponse(responseCode = "409", description = "The membership is closed or the member erased")
    @PutMapping("/{memberId}/consents")
    ResponseEntity<Void> changeConsents(
            @PathVariable @ValidMemberId String memberId, @Valid @RequestBody ConsentChangeRequest request, Principal caller) {
        MemberId id = MemberId.of(memberId);
        String source = caller.getName().equals(memberId) ? "member" : "staff:" + caller.getName();
        try {
            commands.sendAndWait(new RecordConsentChange(id, Channel.SMS, request.purposeOrMarketing(), request.sms(), source));
            commands.sendAndWait(new RecordConsentChange(id, Channel.EMAIL, request.purposeOrMarketing(), request.email(), source));
        } catch (AggregateNotFoundException e) {
            throw new MemberNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Freezes, unfreezes or closes a membership, with a reason; the operator is the token's subject,
     * never a field of the body. The status already in force is accepted and changes nothing; a closed
     * membership is final (409 {@code member-closed}).
     */
    @Allowed({Scopes.SUPPORT_WRITE})
    @Operation(
            summary = "Freeze, unfreeze or close a membership",
            description = "With a reason; the operator is the token's subject. The status in force is accepted and"
                    + " changes nothing; closing is final.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "freeze",
                            value = "{\"status\": \"FROZEN\", \"reason\": \"Suspected account takeover, ticket 4711\"}"))))
    @ApiResponse(responseCode = "204", description = "Changed (or already so)")
    @ApiResponse(responseCode = "409", description = "member-closed: a closed membership is final")
    @PutMapping("/{memberId}/status")
    ResponseEntity<Void> changeStatus(
            @PathVariable @ValidMemberId String memberId, @Valid @RequestBody StatusRequest request, Principal operator) {
        MemberId id = MemberId.of(memberId);
        try {
            commands.sendAndWait(new ChangeStatus(id, request.status(), request.reason(), operator.getName()));
        } catch (AggregateNotFoundException e) {
            throw new MemberNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Changes the fields given (name, mobile, email, birthday, locale, time zone, preferred channels); the mobile is kept in
     * E.164. A mobile or email another member holds is a 409 naming it. Only real changes are published.
     */
    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_WRITE})
    @Operation(
            summary = "Change a member's profile",
            description = "Only the fields given change (name, mobile, email, birthday, locale, time zone); the"
                    + " mobile is kept in E.164. Only real changes are published.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "new mobile",
                            value = "{\"mobile\": \"+8613900139000\", \"locale\": \"zh-CN\", \"timeZone\": \"Asia/Shanghai\"}"))))
    @ApiResponse(responseCode = "204", description = "Changed")
    @ApiResponse(responseCode = "409", description = "The mobile or email is held by another member, or the membership is closed")
    @PatchMapping("/{memberId}")
    ResponseEntity<Void> updateProfile(
            @PathVariable @ValidMemberId String memberId, @Valid @RequestBody UpdateProfileRequest request) {
        MemberId id = MemberId.of(memberId);
        try {
            commands.sendAndWait(new UpdateProfile(
                    id,
                    request.name() == null ? null : request.name().strip(),
                    request.mobile() == null ? null : MobileNumbers.e164(request.mobile()).orElseThrow(),
                    request.email(),
                    request.birthday(),
                    request.normalisedLocale(),
                    request.timeZone() == null ? null : ZoneId.of(request.timeZone()).getId(),
                    request.preferredChannels()));
        } catch (AggregateNotFoundException e) {
            throw new MemberNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Every consent and change of one, per channel and purpose, newest first. */
    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @Operation(summary = "A member's consent history", description = "Every consent and change of one, per channel and purpose, newest first.")
    @GetMapping("/{memberId}/consents/history")
    ConsentHistoryView consentHistory(
            @PathVariable @ValidMemberId String memberId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        MemberId id = MemberId.of(memberId);
        return queries.query(new FindConsentHistory(id, page, size), ResponseTypes.optionalInstanceOf(ConsentHistoryView.class))
                .join()
                .orElseThrow(() -> new MemberNotFoundException(id));
    }

    /**
     * Erases the member's personal data (个人信息删除): the member's data key is destroyed, so the sealed
     * personal fields in the event store and on Kafka can never be read again, and {@code MemberErased}
     * tells the consumers to drop what they kept. Status, consents, points and tiers stay, without a name.
     * Erasing again answers 204 and changes nothing.
     */
    @Allowed({Scopes.SUPPORT_WRITE, Scopes.ADMIN})
    @Operation(
            summary = "Erase a member's personal data (个人信息删除)",
            description = "Destroys the member's data key, so sealed personal fields can never be read again, and"
                    + " tells the other services to drop what they kept. Status, consents, points and tiers stay,"
                    + " without a name. Erasing again answers 204.")
    @ApiResponse(responseCode = "204", description = "Erased (or erased before)")
    @DeleteMapping("/{memberId}")
    ResponseEntity<Void> erase(
            @PathVariable @ValidMemberId String memberId,
            @RequestParam(defaultValue = "erasure requested") @Size(min = 1, max = 512) String reason,
            Principal operator) {
        MemberId id = MemberId.of(memberId);
        try {
            commands.sendAndWait(new EraseMember(id, reason, operator.getName()));
        } catch (AggregateNotFoundException e) {
            throw new MemberNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }
}
