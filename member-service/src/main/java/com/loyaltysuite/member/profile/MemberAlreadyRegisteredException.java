package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.domain.RuleViolationException;

/** A member id is registered once; a second registration would overwrite another person's profile. */
public class MemberAlreadyRegisteredException extends RuleViolationException {

    public MemberAlreadyRegisteredException(MemberId memberId) {
        super("member-already-registered", "Member " + memberId + " is already registered");
    }
}
