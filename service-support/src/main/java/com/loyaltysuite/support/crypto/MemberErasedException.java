package com.loyaltysuite.support.crypto;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.domain.RuleViolationException;

/** The member was erased: their personal data can be neither read nor written any more. */
public class MemberErasedException extends RuleViolationException {

    public MemberErasedException(MemberId member) {
        super("member-erased", "Member " + member + " was erased");
    }
}
