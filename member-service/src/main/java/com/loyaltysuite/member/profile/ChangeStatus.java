package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put a member in {@code status} (freeze, unfreeze, close), for {@code reason}, decided by
 * {@code operator} (the staff token's subject). Recorded as a {@link StatusChangeRecorded} only when
 * it changes the status in force.
 */
public record ChangeStatus(
        @TargetAggregateIdentifier MemberId memberId, MemberStatus status, String reason, String operator) {}
