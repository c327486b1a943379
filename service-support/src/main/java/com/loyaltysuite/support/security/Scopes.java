package com.loyaltysuite.support.security;

import java.util.List;

/**
 * The OAuth2 scopes of the suite's APIs (the {@code scope} claim of a bearer token). Which endpoint
 * takes which is declared on the endpoint with {@link Allowed}; the README's security table lists them.
 */
public final class Scopes {

    /** A member, reading (or changing) their own data only: the token's {@code sub} is the member id. */
    public static final String MEMBER = "loyalty.member";

    /** Support staff looking a member up. */
    public static final String SUPPORT_READ = "loyalty.support.read";

    /** Support staff acting for a member: adjustments, manual tiers, registrations, reservations. */
    public static final String SUPPORT_WRITE = "loyalty.support.write";

    /** The checkout or POS system: reserving, confirming and cancelling points at payment. */
    public static final String CHECKOUT = "loyalty.checkout";

    /** Operations: simulations, projection rebuilds, the management endpoints. */
    public static final String ADMIN = "loyalty.admin";

    public static final List<String> ALL = List.of(MEMBER, SUPPORT_READ, SUPPORT_WRITE, CHECKOUT, ADMIN);

    private Scopes() {}

    /** The authority Spring Security grants for a scope of the token. */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
