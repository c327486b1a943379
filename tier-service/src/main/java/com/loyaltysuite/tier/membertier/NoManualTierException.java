package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.domain.RuleViolationException;

/** Ending a manual tier that is not in force. */
public class NoManualTierException extends RuleViolationException {

    public NoManualTierException(MemberId memberId) {
        super("no-manual-tier", "Member " + memberId + " has no manual tier in force");
    }
}
