package com.loyaltysuite.notification.contact;

/**
 * A member's contact details and consents per channel and purpose: {@code smsConsent} and
 * {@code emailConsent} are the marketing ones; the {@code …TransactionalConsent} ones cover messages
 * about the member's own account, granted with membership until withdrawn. After erasure the personal
 * fields are null, every consent is false and {@code erased} is true.
 */
public record ContactView(
        String memberId,
        String programId,
        String name,
        String mobile,
        String email,
        boolean smsConsent,
        boolean emailConsent,
        boolean erased,
        boolean smsTransactionalConsent,
        boolean emailTransactionalConsent) {

    /** With the transactional consents a member starts with: granted, unless erased. */
    public ContactView(
            String memberId,
            String programId,
            String name,
            String mobile,
            String email,
            boolean smsConsent,
            boolean emailConsent,
            boolean erased) {
        this(memberId, programId, name, mobile, email, smsConsent, emailConsent, erased, !erased, !erased);
    }
}
