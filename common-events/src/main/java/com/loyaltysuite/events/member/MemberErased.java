package com.loyaltysuite.events.member;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A member's personal data was erased on request (个人信息删除). Published by member-service on
 * {@code loyalty.members.v1}; every consumer drops the personal data it projected.
 */
public record MemberErased(MemberId memberId, String programId, String reason, Instant erasedAt)
        implements IntegrationEvent {}
