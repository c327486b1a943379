package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.support.domain.RuleViolationException;
import java.time.Instant;

/** A manual tier must end after it starts. */
public class ManualTierEndPassedException extends RuleViolationException {

    public ManualTierEndPassedException(Instant until, Instant now) {
        super("manual-tier-end-passed", "A manual tier until " + until + " would already have ended (now " + now + ")");
    }
}
