package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SMS templates fit one segment (70 characters in Chinese, with the sign name) for a realistic worst case. */
class SmsTemplatesTest {

    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final String SIGN = "【会员中心】";

    MessageTemplates templates = new MessageTemplates(null);

    @Test
    void countsSegmentsAsTheNetworkDoes() {
        assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(306))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(307))).isEqualTo(3);
        assertThat(SmsText.segments("{".repeat(80))).isEqualTo(1);
        assertThat(SmsText.segments("{".repeat(81))).isEqualTo(2);
        assertThat(SmsText.segments("积".repeat(70))).isEqualTo(1);
        assertThat(SmsText.segments("积".repeat(71))).isEqualTo(2);
        assertThat(SmsText.segments("积".repeat(134))).isEqualTo(2);
        assertThat(SmsText.segments("积".repeat(135))).isEqualTo(3);
        assertThat(SmsText.segments("a".repeat(100) + "积")).isEqualTo(2);
    }

    @Test
    void theTransactionAlertNamesPointsAmountAndBalanceInOneSegment() {
        String text = templates.render("transaction", Channel.SMS, ZH, Map.of(
                        "name", "欧阳娜娜娜", "time", "12月25日 23:59", "amount", "99999.99元", "points", 999999, "balance", "9999999"))
                .text();

        assertThat(text).isEqualTo("欧阳娜娜娜，您于12月25日 23:59消费99999.99元，获得999999积分，当前积分9999999。");
        assertThat(SmsText.segments(SIGN + text)).isEqualTo(1);
    }

    @Test
    void everyChineseSmsTemplateFitsOneSegment() {
        Map<String, Map<String, Object>> worst = Map.of(
                "points-redeemed", Map.of("name", "欧阳娜娜娜", "time", "12月25日 23:59", "points", 999999, "balance", "9999999"),
                "points-reversed", Map.of("name", "欧阳娜娜娜", "points", 999999, "balance", "9999999"),
                "points-expiring", Map.of("name", "欧阳娜娜娜", "points", 999999, "expiresAt", "2027年12月31日"),
                "tier-changed", Map.of("name", "欧阳娜娜娜", "upgrade", false, "toTier", "普通会员", "fromTier", "钻石会员",
                        "validUntil", "2027年12月31日", "qualifyingValue", "99999.99 元", "regainMissing", "99999.99 元",
                        "regainTier", "钻石会员", "regainByPoints", false),
                "tier-at-risk", Map.of("name", "欧阳娜娜娜", "tier", "钻石会员", "validUntil", "2027年12月31日", "gap", "99999.99 元"),
                "benefit-granted", Map.of("name", "欧阳娜娜娜", "benefit", "钻石升级礼包", "code", "GIFT-DIAMOND-01",
                        "validUntil", "2027年12月31日"),
                "welcome", Map.of("name", "欧阳娜娜娜"),
                "birthday", Map.of("name", "欧阳娜娜娜"));
        worst.forEach((trigger, variables) -> {
            String text = templates.render(trigger, Channel.SMS, ZH, variables).text();
            assertThat(SmsText.segments(SIGN + text)).as(trigger + ": " + text).isEqualTo(1);
        });
    }

    @Test
    void everyEnglishSmsTemplateFitsOneSegmentWithEnglishNames() {
        Map<String, Map<String, Object>> worst = Map.of(
                "transaction", Map.of("name", "Alexandra Smith", "time", "12/25 23:59", "amount", "99999.99 CNY",
                        "points", 999999, "balance", "9999999"),
                "points-redeemed", Map.of("name", "Alexandra Smith", "time", "12/25 23:59", "points", 999999, "balance", "9999999"),
                "points-reversed", Map.of("name", "Alexandra Smith", "points", 999999, "balance", "9999999"),
                "points-expiring", Map.of("name", "Alexandra Smith", "points", 999999, "expiresAt", "2027-12-31"),
                "tier-changed", Map.of("name", "Alexandra Smith", "upgrade", false, "toTier", "Member", "fromTier", "Diamond",
                        "validUntil", "2027-12-31", "qualifyingValue", "99999.99 CNY", "regainMissing", "99999.99 CNY",
                        "regainTier", "Diamond", "regainByPoints", false),
                "tier-at-risk", Map.of("name", "Alexandra Smith", "tier", "Diamond", "validUntil", "2027-12-31", "gap", "99999.99 CNY"),
                "benefit-granted", Map.of("name", "Alexandra Smith", "benefit", "Diamond gift pack", "code", "GIFT-DIAMOND-01",
                        "validUntil", "2027-12-31"),
                "welcome", Map.of("name", "Alexandra Smith"),
                "birthday", Map.of("name", "Alexandra Smith"));
        worst.forEach((trigger, variables) -> {
            String text = templates.render(trigger, Channel.SMS, Locale.ENGLISH, variables).text();
            assertThat(SmsText.gsm7(text)).as(trigger + ": " + text).isTrue();
            assertThat(SmsText.segments("[Member Centre]" + text)).as(trigger + ": " + text).isEqualTo(1);
        });
    }

    @Test
    void aStandingBenefitHasNoCouponCodeToShow() {
        Map<String, Object> standing = Map.of("name", "韩梅梅", "benefit", "全年免邮", "code", "", "validUntil", "");
        Map<String, Object> coupon = Map.of("name", "韩梅梅", "benefit", "生日礼包", "code", "NDBG-MMYA-C9Q6-31K4-CQFJ",
                "validUntil", "2026年12月31日");

        assertThat(templates.render("benefit-granted", Channel.SMS, ZH, standing).text()).isEqualTo("韩梅梅，您获得全年免邮。回T退订");
        assertThat(templates.render("benefit-granted", Channel.SMS, ZH, coupon).text())
                .isEqualTo("韩梅梅，您获得生日礼包，券码NDBG-MMYA-C9Q6-31K4-CQFJ，2026年12月31日前有效。回T退订");
        assertThat(templates.render("benefit-granted", Channel.EMAIL, Locale.ENGLISH, standing).text()).doesNotContain("code");
    }

    @Test
    void aDowngradeSaysWhatRegainsTheLostTierInBothLanguages() {
        Map<String, Object> down = Map.of("name", "李雷", "upgrade", false, "toTier", "银牌会员", "fromTier", "金牌会员",
                "validUntil", "", "qualifyingValue", "800.00 元", "regainMissing", "1200.00 元", "regainTier", "金牌会员",
                "regainByPoints", false);

        assertThat(templates.render("tier-changed", Channel.SMS, ZH, down).text())
                .isEqualTo("李雷，您的会员等级已调整为银牌会员，再消费1200.00 元即可恢复金牌会员。");
        assertThat(templates.render("tier-changed", Channel.SMS, Locale.ENGLISH, down).text())
                .isEqualTo("李雷: your tier is now 银牌会员. Spend 1200.00 元 more within the qualifying period to regain 金牌会员.");
        MessageTemplates.Rendered email = templates.render("tier-changed", Channel.EMAIL, Locale.ENGLISH, down);
        assertThat(email.subject()).isEqualTo("Your tier is now 银牌会员");
        assertThat(email.text()).contains("Spend 1200.00 元 more within the qualifying period to regain 金牌会员.");

        Map<String, Object> byPoints = new java.util.HashMap<>(down);
        byPoints.put("regainMissing", "300 积分");
        byPoints.put("regainByPoints", true);
        assertThat(templates.render("tier-changed", Channel.SMS, ZH, byPoints).text())
                .isEqualTo("李雷，您的会员等级已调整为银牌会员，再累积300 积分即可恢复金牌会员。");
    }

    @Test
    void aDowngradeFromAnOlderEventWithoutRegainFiguresKeepsTheFormerWording() {
        Map<String, Object> down = Map.of("name", "李雷", "upgrade", false, "toTier", "银牌会员", "fromTier", "金牌会员",
                "validUntil", "", "qualifyingValue", "800.00 元", "regainMissing", "", "regainTier", "",
                "regainByPoints", false);

        assertThat(templates.render("tier-changed", Channel.SMS, ZH, down).text())
                .isEqualTo("李雷，您的会员等级已调整为银牌会员，当前有效消费800.00 元，再次达到金牌会员标准即可恢复。");
    }

    @Test
    void anEmailTemplateGivesTheSubjectOnItsFirstLineAndAnotherLocaleFallsBackToChinese() {
        MessageTemplates.Rendered welcome = templates.render("welcome", Channel.EMAIL, Locale.ENGLISH, Map.of("name", "Li Lei"));
        assertThat(welcome.subject()).isEqualTo("Welcome to the membership programme");
        assertThat(welcome.text()).startsWith("Dear Li Lei,");

        MessageTemplates.Rendered chinese =
                templates.render("points-expiring", Channel.SMS, Locale.JAPANESE, Map.of("name", "张三", "points", 120, "expiresAt", "2027年11月23日"));
        assertThat(chinese.text()).isEqualTo("张三，您有120积分将于2027年11月23日过期，请及时使用。");
    }

    @Test
    void aFileInTheOperatorsDirectoryReplacesTheBuiltInOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("welcome.sms.zh-CN.mustache"), "{{name}}，欢迎光临！");

        assertThat(new MessageTemplates(dir).render("welcome", Channel.SMS, ZH, Map.of("name", "张三")).text())
                .isEqualTo("张三，欢迎光临！");
    }
}
