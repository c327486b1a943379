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
                        "validUntil", "2027年12月31日", "qualifyingValue", "99999.99 元"),
                "tier-at-risk", Map.of("name", "欧阳娜娜娜", "tier", "钻石会员", "validUntil", "2027年12月31日", "gap", "99999.99 元"),
                "benefit-granted", Map.of("name", "欧阳娜娜娜", "benefit", "钻石升级礼包", "code", "GIFT-DIAMOND-01",
                        "validUntil", "2027年12月31日"),
                "welcome", Map.of("name", "欧阳娜娜娜"));
        worst.forEach((trigger, variables) -> {
            String text = templates.render(trigger, Channel.SMS, ZH, variables).text();
            assertThat(SmsText.segments(SIGN + text)).as(trigger + ": " + text).isEqualTo(1);
        });
    }

    @Test
    void anEmailTemplateGivesTheSubjectOnItsFirstLineAndAnotherLocaleFallsBackToChinese() {
        MessageTemplates.Rendered welcome = templates.render("welcome", Channel.EMAIL, Locale.ENGLISH, Map.of("name", "Li Lei"));
        assertThat(welcome.subject()).isEqualTo("Welcome to the membership programme");
        assertThat(welcome.text()).startsWith("Dear Li Lei,");

        MessageTemplates.Rendered chinese =
                templates.render("points-expiring", Channel.SMS, Locale.ENGLISH, Map.of("name", "张三", "points", 120, "expiresAt", "2027年11月23日"));
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
