package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.RegainTarget;
import com.loyaltysuite.events.tier.TierChanged;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
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
        return render(memberName, change, properties.zone());
    }

    /** With the validity's date in {@code zone} (the member's own) and, on a demotion, what regains the tier. */
    Email render(String memberName, TierChanged change, ZoneId zone) {
        Email email = render(memberName, change.fromTier(), change.toTier(), change.validUntil(), zone);
        String regain = regainSentence(change);
        if (regain == null) {
            return email;
        }
        return new Email(email.subject(), email.body().replace(EmailText.FOOTER, regain + "\n" + EmailText.FOOTER));
    }

    /**
     * On a demotion that says what regains the lost tier: 在资格周期内再消费 1200.00 元即可恢复金牌会员。
     * Null when the event carries none.
     */
    String regainSentence(TierChanged change) {
        RegainTarget target = change.toRegain();
        if (target == null || isUpgrade(change.fromTier(), change.toTier()) || target.missing().signum() <= 0) {
            return null;
        }
        boolean points = "POINTS".equalsIgnoreCase(target.unit());
        return "在资格周期内" + (points ? "再累积 " : "再消费 ") + regainAmount(target) + "即可恢复" + displayName(target.tier()) + "。";
    }

    /** 1200.00 元 or 300 积分, rounded up: the member is never told they need less than they do. */
    static String regainAmount(RegainTarget target) {
        return TierAtRiskEmailTemplate.amount(new QualifyingValue(target.missing(), target.unit()), RoundingMode.UP);
    }

    Email render(String memberName, String fromTier, String toTier, Instant validUntil) {
        return render(memberName, fromTier, toTier, validUntil, properties.zone());
    }

    Email render(String memberName, String fromTier, String toTier, Instant validUntil, ZoneId zone) {
        String to = displayName(toTier);
        String greeting = EmailText.greeting(memberName);
        String validity = validUntil == null
                ? "您的" + to + "资格长期有效。"
                : "您的" + to + "资格有效期至" + EmailText.date(validUntil, zone) + "。";
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
