package com.loyaltysuite.support.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sees a member's phone number and email in full: the member themself, and support staff who act
 * for members ({@link Scopes#SUPPORT_WRITE}: they call or write back). Everyone else who may read the
 * record (e.g. {@link Scopes#SUPPORT_READ}) sees them masked ({@code 138****0000}, {@code l***@example.com}).
 */
public final class ContactDetails {

    private ContactDetails() {}

    /** Whether the current caller may see {@code memberId}'s contact details in full (null: no one's own). */
    public static boolean shownInFullTo(String memberId) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null) {
            return false;
        }
        Set<String> granted =
                caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return granted.contains(Scopes.authority(Scopes.SUPPORT_WRITE))
                || (granted.contains(Scopes.authority(Scopes.MEMBER)) && caller.getName().equals(memberId));
    }

    /** {@code 13800000000} → {@code 138****0000}: the last four digits and the start stay, four are hidden. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        if (phone.length() <= 8) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, phone.length() - 8) + "****" + phone.substring(phone.length() - 4);
    }

    /** {@code li.lei@example.com} → {@code l***@example.com}. */
    public static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** A phone number or an email, whichever {@code contact} looks like. */
    public static String mask(String contact) {
        return contact != null && contact.contains("@") ? maskEmail(contact) : maskPhone(contact);
    }
}
