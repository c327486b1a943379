package com.loyaltysuite.events.member;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A member's data key, which opens the {@code personalData} of that member's events (ADR 9). Published by
 * member-service on the compacted, read-restricted {@code loyalty.member-keys.v1} when the member
 * registers; a tombstone (no value) replaces it when the member is erased, and compaction then removes the
 * key from the topic. Only services granted read access (notification-service) consume it; they keep the
 * key beside their copy of the contact data and drop both on the tombstone or on {@code MemberErased}.
 *
 * @param key the raw 256-bit AES key, base64
 * @param algorithm {@code AES-256-GCM}
 */
public record MemberDataKey(MemberId memberId, String programId, String algorithm, String key, Instant createdAt)
        implements IntegrationEvent {}
