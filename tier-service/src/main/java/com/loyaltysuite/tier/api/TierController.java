package com.loyaltysuite.tier.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Programs;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Expensive;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
import com.loyaltysuite.tier.membertier.AssignManualTier;
import com.loyaltysuite.tier.membertier.EndManualTier;
import com.loyaltysuite.tier.membertier.ManualTier;
import com.loyaltysuite.tier.policy.TierPolicy;
import com.loyaltysuite.tier.simulation.SimulateTiers;
import com.loyaltysuite.tier.simulation.SimulationReport;
import com.loyaltysuite.tier.status.FindMemberTier;
import com.loyaltysuite.tier.status.FindTierHistory;
import com.loyaltysuite.tier.status.MemberTierView;
import com.loyaltysuite.tier.status.TierHistoryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tiers", description = "Members' tiers, manual tiers, the ladder and simulations")
@RestController
@Validated
class TierController {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final TierPolicy policy;
    private final Clock clock;

    TierController(QueryGateway queries, CommandGateway commands, TierPolicy policy, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.policy = policy;
        this.clock = clock;
    }

    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @Operation(summary = "A member's tier in force", description = "The tier, since when and until when it holds, the qualifying value, any manual tier, and what the next tier needs.")
    @GetMapping("/members/{memberId}/tier")
    MemberTierView memberTier(@PathVariable @ValidMemberId String memberId) {
        Optional<MemberTierView> view = queries.query(
                        new FindMemberTier(MemberId.of(memberId)), ResponseTypes.optionalInstanceOf(MemberTierView.class))
                .join();
        return view.orElseThrow(() -> new MemberTierNotFoundException(memberId));
    }

    /** Every decision about the member's tier, with its window, policy version and causes. */
    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @Operation(summary = "A member's tier history", description = "Every decision about the member's tier, with its window, policy version and causes.")
    @GetMapping("/members/{memberId}/tier/history")
    TierHistoryView history(@PathVariable @ValidMemberId String memberId) {
        Optional<TierHistoryView> view = queries.query(
                        new FindTierHistory(MemberId.of(memberId)), ResponseTypes.optionalInstanceOf(TierHistoryView.class))
                .join();
        return view.orElseThrow(() -> new MemberTierNotFoundException(memberId));
    }

    /**
     * Assigns a tier by hand (audited). Answers with the assignment as recorded; the member's tier
     * view follows asynchronously.
     */
    @Allowed({Scopes.SUPPORT_WRITE})
    @Operation(
            summary = "Assign a tier by hand (audited)",
            description = "FLOOR: at least this tier while the rules may lift the member higher; PIN: exactly this"
                    + " tier. Until the given instant. The operator is the token's subject.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "floor",
                            value = "{\"tier\": \"GOLD\", \"mode\": \"FLOOR\","
                                    + " \"reason\": \"Partner programme status match\", \"until\": \"2027-12-31T16:00:00Z\"}"))))
    @ApiResponse(responseCode = "200", description = "Assigned; the member's tier view follows asynchronously")
    @ApiResponse(responseCode = "409", description = "The end of the assignment has passed already")
    @PutMapping("/members/{memberId}/tier/manual")
    ManualTier assignManualTier(
            @PathVariable @ValidMemberId String memberId, @Valid @RequestBody ManualTierRequest request, Principal operator) {
        Instant now = clock.instant();
        commands.sendAndWait(new AssignManualTier(
                MemberId.of(memberId),
                Programs.DEFAULT,
                request.tier(),
                request.mode(),
                request.reason(),
                operator.getName(),
                request.until(),
                now));
        return new ManualTier(request.tier(), request.mode(), request.reason(), operator.getName(), request.until(), now);
    }

    /** Ends the manual tier early; normal rules resume. */
    @Allowed({Scopes.SUPPORT_WRITE})
    @Operation(summary = "End a manual tier early", description = "Normal rules resume.")
    @ApiResponse(responseCode = "204", description = "Ended")
    @ApiResponse(responseCode = "409", description = "The member has no manual tier")
    @DeleteMapping("/members/{memberId}/tier/manual")
    ResponseEntity<Void> endManualTier(@PathVariable @ValidMemberId String memberId, Principal operator) {
        commands.sendAndWait(new EndManualTier(MemberId.of(memberId), operator.getName(), clock.instant(), null));
        return ResponseEntity.noContent().build();
    }

    /** The ladder and rules in force. */
    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ, Scopes.CHECKOUT, Scopes.ADMIN})
    @Operation(summary = "The tier ladder and rules in force", description = "Tiers with their names and thresholds, the qualifying window, validity and demotion policy.")
    @GetMapping("/tiers")
    LadderView tiers() {
        return LadderView.of(policy);
    }

    /** What-if: members per tier and moves under a proposed ladder/policy. Changes and publishes nothing. */
    @Allowed({Scopes.ADMIN})
    @Expensive
    @Operation(
            summary = "Simulate a proposed ladder or policy (what-if)",
            description = "Members per tier and the moves the proposal would make, over every member's history"
                    + " (or the listed members). Changes and publishes nothing; costly, so rate-limited.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "lower silver",
                            value = "{\"policyVersion\": \"ladder-2027-draft\", \"tiers\": ["
                                    + "{\"code\": \"MEMBER\", \"threshold\": 0},"
                                    + " {\"code\": \"SILVER\", \"threshold\": 400},"
                                    + " {\"code\": \"GOLD\", \"threshold\": 2000}],"
                                    + " \"windowKind\": \"ROLLING\", \"windowLength\": \"P12M\","
                                    + " \"demotionPolicy\": \"SOFT_LANDING\"}"))))
    @PostMapping("/tiers/simulations")
    SimulationReport simulate(@Valid @RequestBody SimulationRequest request) {
        return queries.query(
                        new SimulateTiers(request.proposal(), request.memberIds()),
                        ResponseTypes.instanceOf(SimulationReport.class))
                .join();
    }
}
