package com.loyaltysuite.member.directory;

import com.loyaltysuite.events.MemberId;

/** Query: a member's profile. Answered with a {@link MemberView}, or none. */
public record FindMember(MemberId memberId) {}
