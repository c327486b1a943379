package com.loyaltysuite.points.standing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a member's status does to the account.
 *
 * @param onClose {@code EXPIRE_ALL}: closing a membership forfeits every unspent point and every
 *     withheld one at once ({@code PointsExpired}); {@code KEEP}: the points stay on the closed account,
 *     frozen for good (nothing is earned or redeemed any more), e.g. for a programme that pays them out
 *     by hand
 * @param onUnfreeze {@code RELEASE}: unfreezing pays out the points withheld while frozen, as ordinary
 *     earnings (a freeze is a hold while a case is looked at, e.g. a fraud check that clears);
 *     {@code FORFEIT}: they are never paid, the ledger shows them dropped (a freeze is a penalty)
 */
@ConfigurationProperties("loyalty.points.standing")
public record StandingProperties(OnClose onClose, OnUnfreeze onUnfreeze) {

    public enum OnClose {
        EXPIRE_ALL,
        KEEP
    }

    public enum OnUnfreeze {
        RELEASE,
        FORFEIT
    }

    public StandingProperties {
        onClose = onClose == null ? OnClose.EXPIRE_ALL : onClose;
        onUnfreeze = onUnfreeze == null ? OnUnfreeze.RELEASE : onUnfreeze;
    }

    public static StandingProperties defaults() {
        return new StandingProperties(null, null);
    }
}
