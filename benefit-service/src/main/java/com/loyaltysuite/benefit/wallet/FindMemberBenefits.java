package com.loyaltysuite.benefit.wallet;

import com.loyaltysuite.events.MemberId;

/** Query: the benefits a member holds, oldest first. Answered with a list of {@link BenefitView}, maybe empty. */
public record FindMemberBenefits(MemberId memberId) {}
