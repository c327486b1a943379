package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.domain.UnknownResourceException;

/** No member is registered under the id asked for. */
public class MemberNotFoundException extends UnknownResourceException {

    public MemberNotFoundException(MemberId memberId) {
        super("member-not-found", "No member " + memberId + " is registered");
    }
}
