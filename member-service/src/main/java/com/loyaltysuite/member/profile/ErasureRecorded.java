package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Stored: the member's personal data was erased. In the same transaction the member's data key is
 * destroyed ({@link PersonalDataShredder}), so every sealed copy of it, here and on Kafka, is unreadable.
 * Published as the contract's {@code MemberErased}.
 */
public record ErasureRecorded(MemberId memberId, String programId, String reason, String operator, Instant erasedAt) {}
