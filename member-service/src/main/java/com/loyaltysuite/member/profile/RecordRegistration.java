package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a member's registration in a programme, answered with the {@link RegistrationRecorded}.
 * {@code email} and {@code birthday} may be null.
 */
public record RecordRegistration(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        String name,
        String mobile,
        String email,
        LocalDate birthday,
        Consents consents) {}
