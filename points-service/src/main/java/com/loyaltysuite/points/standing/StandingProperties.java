package com.loyaltysuite.points.standing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a member's status does to the account.
 *
 * @param onClose {@code EXPIRE_ALL}: closing a membership forfeits every unspent point and every
 *     withheld one at once ({@code PointsExpired}); {@code KEEP}: the points stay on the closed account,
 *     frozen for good (nothing is earned or redeemed any more), e.g. for a programme that pays them out
 *     by hand
 */
@ConfigurationProperties("loyalty.points.standing")
public record StandingProperties(OnClose onClose) {

    public enum OnClose {
        EXPIRE_ALL,
        KEEP
    }

    public StandingProperties {
        onClose = onClose == null ? OnClose.EXPIRE_ALL : onClose;
    }

    public static StandingProperties defaults() {
        return new StandingProperties(null);
    }
}
