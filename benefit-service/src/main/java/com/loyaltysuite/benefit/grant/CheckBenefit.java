package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Could the member use the benefit on this order now? Answered with a {@code Usability}; changes nothing. */
public record CheckBenefit(
        @TargetAggregateIdentifier MemberId memberId, String benefitId, Money orderAmount, String channel, Instant at) {}
