package com.loyaltysuite.notification.contact;

/**
 * A member's contact details and consents. After erasure the personal fields are null, every consent
 * is false and {@code erased} is true.
 */
public record ContactView(
        String memberId,
        String programId,
        String name,
        String mobile,
        String email,
        boolean smsConsent,
        boolean emailConsent,
        boolean erased) {}
