package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.tier.policy.TierPolicy;

/**
 * Manual override (人工调级): a tier support assigns on top of the one the member earns. An
 * assignment names a tier on the ladder and ends in the future; while in force, a {@code PIN} is the
 * tier in force whatever is earned, a {@code FLOOR} only while it stands higher than the earned one.
 * It ends early by support or at its end date; a timer for an end date since replaced is stale.
 * The rules keep deciding the earned tier beneath it.
 */
final class ManualOverride {

    private ManualOverride() {}

    /** The assignment {@code command} asks for, if the rules accept it. */
    static ManualTier assignment(AssignManualTier command, TierPolicy policy) {
        policy.tier(command.tier());
        if (!command.until().isAfter(command.at())) {
            throw new ManualTierEndPassedException(command.until(), command.at());
        }
        return new ManualTier(
                command.tier(), command.mode(), command.reason(), command.operatorId(), command.until(), command.at());
    }

    /**
     * Whether {@code command} ends {@code inForce} (null: none): support ending it early always does,
     * and is refused when there is none; its end date does unless the assignment changed since.
     */
    static boolean ends(ManualTier inForce, EndManualTier command) {
        boolean byTimer = command.expiredUntil() != null;
        if (inForce == null) {
            if (byTimer) {
                return false; // ended early already
            }
            throw new NoManualTierException(command.memberId());
        }
        return !byTimer || command.expiredUntil().equals(inForce.until());
    }

    /** Whether {@code manual} (null: none) is the tier in force over {@code earnedTier}. */
    static boolean wins(ManualTier manual, String earnedTier, TierPolicy policy) {
        return manual != null
                && (manual.mode() == ManualMode.PIN || policy.ranksAbove(manual.tier(), earnedTier));
    }
}
