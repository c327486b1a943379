package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.domain.RuleViolationException;

/** A closed membership is final: its status and profile no longer change (a new membership is a new registration). */
public class MemberClosedException extends RuleViolationException {

    public MemberClosedException(MemberId memberId) {
        super("member-closed", "Member " + memberId + " is closed");
    }
}
