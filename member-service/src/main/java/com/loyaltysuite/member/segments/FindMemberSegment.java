package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.MemberId;

/** Query: a member's RFM segment and lifecycle stage. Answered with a {@link MemberSegmentView}, or none. */
public record FindMemberSegment(MemberId memberId) {}
