package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase a member's personal data on request (个人信息删除), for {@code reason}, decided by {@code operator}. */
public record EraseMember(@TargetAggregateIdentifier MemberId memberId, String reason, String operator) {}
