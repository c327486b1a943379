package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.tier.TierChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The email telling a member their tier changed (template {@value #NAME}). A move up the ladder is
 * congratulated (恭喜您升级为银牌会员); a move down is stated plainly. Plain Java, no I/O.
 */
class TierChangeEmailTemplate {

    static final String NAME = "tier-changed";

    private final NotificationProperties properties;
    private final List<String> ladder;

    TierChangeEmailTemplate(NotificationProperties properties) {
        this.properties = properties;
        this.ladder = new ArrayList<>(properties.tierNames().keySet());
    }

    Email render(String memberName, TierChanged change) {
        return render(memberName, change.fromTier(), change.toTier(), change.validUntil());
    }

    Email render(String memberName, String fromTier, String toTier, Instant validUntil) {
        String to = displayName(toTier);
        String greeting = EmailText.greeting(memberName);
        String validity = validUntil == null
                ? "您的" + to + "资格长期有效。"
                : "您的" + to + "资格有效期至" + EmailText.date(validUntil, properties.zone()) + "。";
        if (isUpgrade(fromTier, toTier)) {
            return new Email(
                    "恭喜您升级为" + to,
                    greeting + "\n\n恭喜您升级为" + to + "！" + validity + "\n升级后您将享有" + to + "的专属权益，"
                            + EmailText.FOOTER);
        }
        return new Email(
                "您的会员等级已调整为" + to,
                greeting + "\n\n您的会员等级已由" + displayName(fromTier) + "调整为" + to + "。" + validity + "\n"
                        + EmailText.FOOTER);
    }

    String displayName(String tier) {
        return properties.tierName(tier);
    }

    /** Up the configured ladder; a tier missing from it is taken as a move up, the kinder reading. */
    boolean isUpgrade(String fromTier, String toTier) {
        int from = ladder.indexOf(fromTier.toUpperCase(Locale.ROOT));
        int to = ladder.indexOf(toTier.toUpperCase(Locale.ROOT));
        return from < 0 || to < 0 || to > from;
    }
}
