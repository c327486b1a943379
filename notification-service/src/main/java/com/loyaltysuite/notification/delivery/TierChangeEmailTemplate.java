package com.loyaltysuite.notification.delivery;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The email telling a member their tier changed (template {@value #NAME}). A move up the ladder is
 * congratulated (恭喜您升级为银牌会员); a move down is stated plainly. Plain Java, no I/O.
 */
class TierChangeEmailTemplate {

    static final String NAME = "tier-changed";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

    private final NotificationProperties properties;
    private final List<String> ladder;

    TierChangeEmailTemplate(NotificationProperties properties) {
        this.properties = properties;
        this.ladder = new ArrayList<>(properties.tierNames().keySet());
    }

    Email render(String memberName, String fromTier, String toTier, Instant validUntil) {
        String to = displayName(toTier);
        String greeting = "尊敬的" + (memberName == null || memberName.isBlank() ? "会员" : memberName) + "：";
        String validity = validUntil == null
                ? "您的" + to + "资格长期有效。"
                : "您的" + to + "资格有效期至" + DATE.format(validUntil.atZone(properties.zone())) + "。";
        String footer = "详情请登录会员中心查看。\n\n此邮件由系统自动发送，请勿直接回复。";
        if (isUpgrade(fromTier, toTier)) {
            return new Email(
                    "恭喜您升级为" + to,
                    greeting + "\n\n恭喜您升级为" + to + "！" + validity + "\n升级后您将享有" + to + "的专属权益，" + footer);
        }
        return new Email(
                "您的会员等级已调整为" + to,
                greeting + "\n\n您的会员等级已由" + displayName(fromTier) + "调整为" + to + "。" + validity + "\n" + footer);
    }

    String displayName(String tier) {
        return properties.tierNames().getOrDefault(tier.toUpperCase(Locale.ROOT), tier);
    }

    /** Up the configured ladder; a tier missing from it is taken as a move up, the kinder reading. */
    private boolean isUpgrade(String fromTier, String toTier) {
        int from = ladder.indexOf(fromTier.toUpperCase(Locale.ROOT));
        int to = ladder.indexOf(toTier.toUpperCase(Locale.ROOT));
        return from < 0 || to < 0 || to > from;
    }
}
