package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierAtRisk;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The warning that a member's tier validity ends soon and how much more would keep it (保级提醒,
 * template {@value #NAME}): 您的银牌会员资格即将到期 … 再消费 180.00 元即可保级. Plain Java, no I/O.
 */
class TierAtRiskEmailTemplate {

    static final String NAME = "tier-at-risk";

    private static final String POINTS = "POINTS";
    private static final String YUAN = "CNY";

    private final NotificationProperties properties;

    TierAtRiskEmailTemplate(NotificationProperties properties) {
        this.properties = properties;
    }

    Email render(String memberName, TierAtRisk risk) {
        return render(memberName, risk, properties.zone());
    }

    Email render(String memberName, TierAtRisk risk, java.time.ZoneId zone) {
        String tier = properties.tierName(risk.tier());
        boolean points = POINTS.equalsIgnoreCase(risk.gap().unit());
        StringBuilder body = new StringBuilder(EmailText.greeting(memberName))
                .append("\n\n您的")
                .append(tier)
                .append("资格将于")
                .append(EmailText.date(risk.validUntil(), zone))
                .append("到期。")
                .append(points ? "您当前的累计积分为 " : "您当前的有效消费为 ")
                .append(amount(risk.qualifyingValue(), RoundingMode.DOWN))
                .append("，保级需 ")
                .append(amount(risk.retentionThreshold(), RoundingMode.UP))
                .append("，");
        if (risk.gap().value().signum() > 0) {
            body.append(points ? "再累积 " : "再消费 ")
                    .append(amount(risk.gap(), RoundingMode.UP))
                    .append("即可保级。");
        } else {
            body.append("请在到期前留意您的会员资格。");
        }
        body.append("\n").append(EmailText.FOOTER);
        return new Email("您的" + tier + "资格即将到期", body.toString());
    }

    /**
     * 180.00 元, 180 积分, or the amount and its currency code (180.00 USD). Rounded so the member is
     * never told they need less than they do: what they have down, what they need up.
     */
    static String amount(QualifyingValue value, RoundingMode rounding) {
        if (POINTS.equalsIgnoreCase(value.unit())) {
            return value.value().setScale(0, rounding).toPlainString() + " 积分";
        }
        String money = money(value.value(), rounding);
        return YUAN.equalsIgnoreCase(value.unit()) ? money + " 元" : money + " " + value.unit();
    }

    /** Two decimals, as prices are written (500 → 500.00). */
    private static String money(BigDecimal value, RoundingMode rounding) {
        return value.setScale(2, rounding).toPlainString();
    }
}
