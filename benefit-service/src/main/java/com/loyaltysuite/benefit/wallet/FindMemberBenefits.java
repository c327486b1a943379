package com.loyaltysuite.benefit.wallet;

import com.loyaltysuite.events.MemberId;

/**
 * Query: the benefits a member holds now (active, not expired), oldest first; with {@code history} also
 * those used, expired and revoked. Answered with a list of {@link BenefitView}, maybe empty.
 */
public record FindMemberBenefits(MemberId memberId, boolean history) {

    public FindMemberBenefits(MemberId memberId) {
        this(memberId, false);
    }
}
