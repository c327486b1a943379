package com.loyaltysuite.member.overview;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.member.directory.MemberView;
import java.util.Map;

/**
 * A member seen whole (会员360视图): the profile kept here, and what the other services answered in time.
 * {@code complete} is false when any part is missing; each missing part says why.
 */
public record MemberOverview(MemberId memberId, boolean complete, MemberView profile, Map<String, OverviewPart> parts) {}
