package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a member in a programme. {@code email} and {@code birthday} may be null. */
public record RegisterMember(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        String name,
        String mobile,
        String email,
        LocalDate birthday,
        Consents consents) {}
