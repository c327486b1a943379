package com.loyaltysuite.points.earning;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remember that the member holds {@code tier} from {@code effectiveAt} (business time) on. */
public record RecordTierChange(
        @TargetAggregateIdentifier MemberId memberId, String programId, String tier, Instant effectiveAt, String causationId) {}
