package com.loyaltysuite.events.member;

import java.time.LocalDate;

/**
 * A member's personal fields, as they travel sealed in {@code personalData} of {@link MemberRegistered}
 * and {@link MemberProfileUpdated}: this record as JSON, encrypted with the member's data key
 * (AES-256-GCM; see docs/adr/0009). Any field may be null. Once the member is erased the key is gone and
 * nobody can read it any more.
 */
public record PersonalData(String name, String mobile, String email, LocalDate birthday) {}
