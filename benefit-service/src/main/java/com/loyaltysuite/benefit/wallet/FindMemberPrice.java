package com.loyaltysuite.benefit.wallet;

import com.loyaltysuite.events.MemberId;

/** Query: the member price (会员价) the member holds now. Answered with a {@link MemberPriceView}, or {@code null} for none. */
public record FindMemberPrice(MemberId memberId) {}
