package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.points.PointsExpiring;

/**
 * The warning that some of a member's points expire soon (积分即将过期, template {@value #NAME}):
 * 您有 120 积分即将过期, with the day they expire. Plain Java, no I/O.
 */
class PointsExpiringEmailTemplate {

    static final String NAME = "points-expiring";

    private final NotificationProperties properties;

    PointsExpiringEmailTemplate(NotificationProperties properties) {
        this.properties = properties;
    }

    Email render(String memberName, PointsExpiring expiring) {
        return render(memberName, expiring, properties.zone());
    }

    Email render(String memberName, PointsExpiring expiring, java.time.ZoneId zone) {
        return new Email(
                "您有 " + expiring.points() + " 积分即将过期",
                EmailText.greeting(memberName) + "\n\n您有 " + expiring.points() + " 积分将于"
                        + EmailText.date(expiring.expiresAt(), zone) + "过期，请在过期前使用。\n"
                        + EmailText.FOOTER);
    }
}
