package com.loyaltysuite.member.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.member.overview.MemberOverview;
import com.loyaltysuite.member.overview.MemberOverviews;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The member 360 view (会员360): one call for what support sees of a member across the suite. */
@Tag(name = "Overview", description = "The member 360 view")
@RestController
@Validated
class OverviewController {

    private final MemberOverviews overviews;

    OverviewController(MemberOverviews overviews) {
        this.overviews = overviews;
    }

    /**
     * Always answers 200 for a registered member, within the view's time limit: parts whose service
     * is slow, down or refusing are marked missing with the reason. The caller's token is passed on,
     * so a member sees only what the other services let that member see.
     */
    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @Operation(
            summary = "The member 360 view (会员360)",
            description = "Profile, points, tier and benefits in one call, within a time limit: parts whose service is"
                    + " slow, down or refusing are marked missing with the reason. The caller's token is passed on.")
    @GetMapping("/members/{memberId}/overview")
    MemberOverview overview(@PathVariable @ValidMemberId String memberId, @AuthenticationPrincipal Jwt token) {
        return overviews.of(MemberId.of(memberId), token == null ? null : token.getTokenValue());
    }
}
