package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.time.MonthDay;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member's birthday, as of {@code at} (business time of the member event); {@code null} when unknown. */
public record NoteBirthday(@TargetAggregateIdentifier MemberId memberId, String programId, MonthDay birthday, Instant at) {}
