package com.loyaltysuite.tier.simulation;

import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.policy.DemotionPolicy;
import com.loyaltysuite.tier.policy.QualifyingWindow;
import com.loyaltysuite.tier.policy.TierPolicy;
import com.loyaltysuite.tier.policy.WindowKind;
import java.time.Period;
import java.util.List;

/**
 * A proposed ladder and rules for a what-if simulation. Whatever is left out (null) is taken from
 * the policy in force; the qualifying basis cannot change (the history recorded is of one basis).
 */
public record PolicyProposal(
        String policyVersion,
        List<Tier> tiers,
        Period validity,
        WindowKind windowKind,
        Period windowLength,
        DemotionPolicy demotionPolicy,
        Period gracePeriod) {

    /**
     * The proposal completed from {@code current}. Throws {@code InvalidLadderException} or
     * {@link IllegalArgumentException} naming what cannot work.
     */
    public TierPolicy applyTo(TierPolicy current) {
        QualifyingWindow window = windowKind == null && windowLength == null
                ? null
                : new QualifyingWindow(
                        windowKind != null ? windowKind : current.window().kind(),
                        windowLength != null ? windowLength : current.window().length());
        return current.revised(
                policyVersion != null ? policyVersion : current.policyVersion() + "-proposal",
                validity,
                tiers,
                window,
                demotionPolicy,
                gracePeriod);
    }
}
