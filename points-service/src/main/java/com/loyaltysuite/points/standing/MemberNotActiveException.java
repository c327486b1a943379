package com.loyaltysuite.points.standing;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.support.domain.RuleViolationException;

/** A frozen or closed member redeems nothing. */
public class MemberNotActiveException extends RuleViolationException {

    public MemberNotActiveException(MemberId memberId, MemberStatus status) {
        super("member-not-active", "Member " + memberId + " is " + status + " and cannot redeem points");
    }
}
