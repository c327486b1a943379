package com.loyaltysuite.member.api;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Programs;
import com.loyaltysuite.member.directory.FindMember;
import com.loyaltysuite.member.directory.MemberView;
import com.loyaltysuite.member.profile.MemberAlreadyRegisteredException;
import com.loyaltysuite.member.profile.MemberNotFoundException;
import com.loyaltysuite.member.profile.RecordConsentChange;
import com.loyaltysuite.member.profile.RecordRegistration;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
    @PostMapping
    ResponseEntity<MemberView> register(@Valid @RequestBody RegisterMemberRequest request) {
        MemberId memberId = MemberId.of(request.memberId() != null ? request.memberId() : "M-" + UUID.randomUUID());
        RegistrationRecorded registered;
        try {
            registered = commands.sendAndWait(new RecordRegistration(
                    memberId,
                    Programs.DEFAULT,
                    request.name(),
                    request.mobile(),
                    request.email(),
                    request.birthday(),
                    request.consents().toConsents()));
        } catch (AggregateStreamCreationException e) {
            // Another registration of this id won the race to the event store's first row.
            throw new MemberAlreadyRegisteredException(memberId);
        }
        return ResponseEntity.created(URI.create("/members/" + memberId.value())).body(MemberView.of(registered));
    }

    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @GetMapping("/{memberId}")
    MemberView member(@PathVariable @ValidMemberId String memberId) {
        MemberId id = MemberId.of(memberId);
        return queries.query(new FindMember(id), ResponseTypes.optionalInstanceOf(MemberView.class))
                .join()
                .orElseThrow(() -> new MemberNotFoundException(id));
    }

    /** Sets both consents; only a channel whose consent actually changes is published. Idempotent. */
    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_WRITE})
    @PutMapping("/{memberId}/consents")
    ResponseEntity<Void> changeConsents(@PathVariable @ValidMemberId String memberId, @Valid @RequestBody ConsentsRequest request) {
        MemberId id = MemberId.of(memberId);
        try {
            commands.sendAndWait(new RecordConsentChange(id, Channel.SMS, request.sms()));
            commands.sendAndWait(new RecordConsentChange(id, Channel.EMAIL, request.email()));
        } catch (AggregateNotFoundException e) {
            throw new MemberNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }
}
