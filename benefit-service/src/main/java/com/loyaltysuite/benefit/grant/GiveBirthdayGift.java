package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The birthday timer of {@code year} fired: give that year's gift if it is still due. */
public record GiveBirthdayGift(@TargetAggregateIdentifier MemberId memberId, int year, Instant dueAt) {}
