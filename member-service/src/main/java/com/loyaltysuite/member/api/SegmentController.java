package com.loyaltysuite.member.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.member.segments.CountSegments;
import com.loyaltysuite.member.segments.FindMemberSegment;
import com.loyaltysuite.member.segments.MemberSegmentView;
import com.loyaltysuite.member.segments.SegmentCountsView;
import com.loyaltysuite.support.domain.UnknownResourceException;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Members' RFM segments and lifecycle stages, from the segment read model. */
@Tag(name = "Segments", description = "RFM segments and lifecycle stages")
@RestController
@Validated
class SegmentController {

    private final QueryGateway queries;

    SegmentController(QueryGateway queries) {
        this.queries = queries;
    }

    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @Operation(summary = "A member's RFM segment and lifecycle stage", description = "404 until the member has a paid order on record.")
    @GetMapping("/members/{memberId}/segment")
    MemberSegmentView segment(@PathVariable @ValidMemberId String memberId) {
        return queries.query(
                        new FindMemberSegment(MemberId.of(memberId)),
                        ResponseTypes.optionalInstanceOf(MemberSegmentView.class))
                .join()
                .orElseThrow(() -> new NoSegmentException(memberId));
    }

    @Allowed({Scopes.SUPPORT_READ})
    @Operation(summary = "Members per segment and lifecycle stage", description = "Counts from the segment read model.")
    @GetMapping("/segments")
    SegmentCountsView segments() {
        return queries.query(new CountSegments(), ResponseTypes.instanceOf(SegmentCountsView.class)).join();
    }

    /** The member has no paid order on record yet, so no segment (or the read model has not caught up). */
    static class NoSegmentException extends UnknownResourceException {

        NoSegmentException(String memberId) {
            super("member-segment-not-found", "Member " + memberId + " has no RFM segment yet: no paid order is on record");
        }
    }
}
