package com.loyaltysuite.tier.api;

import com.loyaltysuite.support.domain.UnknownResourceException;

/** tier-service knows a member from their first paid order; before it there is nothing to show. */
class MemberTierNotFoundException extends UnknownResourceException {

    MemberTierNotFoundException(String memberId) {
        super("member-tier-not-found", "Member " + memberId + " has no qualifying orders yet");
    }
}
