package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member's personal data was erased: their birthday is no longer known, and no birthday gift comes. */
public record ForgetBirthday(@TargetAggregateIdentifier MemberId memberId, Instant at) {}
