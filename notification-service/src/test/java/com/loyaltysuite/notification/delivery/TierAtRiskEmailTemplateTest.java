package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierAtRisk;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TierAtRiskEmailTemplateTest {

    final TierAtRiskEmailTemplate template = new TierAtRiskEmailTemplate(TierChangeEmailTemplateTest.properties());

    @Test
    void namesTheTierItsValidityEndAndTheGap() {
        Email email = template.render("张三", risk("SILVER", Instant.parse("2027-11-23T10:00:00Z"), "320.00", "500", "180.00", "CNY"));

        assertThat(email.subject()).isEqualTo("您的银牌会员资格即将到期");
        assertThat(email.body())
                .startsWith("尊敬的张三：")
                .contains("您的银牌会员资格将于2027年11月23日到期。")
                .contains("您当前的有效消费为 320.00 元，保级需 500.00 元")
                .contains("再消费 180.00 元即可保级。")
                .endsWith("此邮件由系统自动发送，请勿直接回复。");
    }

    @Test
    void writesTheValidityEndInTheMembersTimeZone() {
        // 2027-11-23T20:00Z is already the 24th in Shanghai (UTC+8).
        Email email = template.render("张三", risk("GOLD", Instant.parse("2027-11-23T20:00:00Z"), "1000", "2000", "1000", "CNY"));

        assertThat(email.subject()).isEqualTo("您的金牌会员资格即将到期");
        assertThat(email.body()).contains("资格将于2027年11月24日到期");
    }

    @Test
    void aPointsBasedTierCountsInPoints() {
        Email email = template.render("张三", risk("SILVER", Instant.parse("2027-11-23T10:00:00Z"), "320", "500", "180", "POINTS"));

        assertThat(email.body())
                .contains("您当前的累计积分为 320 积分，保级需 500 积分")
                .contains("再累积 180 积分即可保级。")
                .doesNotContain("元");
    }

    @Test
    void anotherCurrencyIsShownByItsCode() {
        Email email = template.render("张三", risk("SILVER", Instant.parse("2027-11-23T10:00:00Z"), "20", "50", "30", "USD"));

        assertThat(email.body()).contains("再消费 30.00 USD即可保级");
    }

    @Test
    void neverUnderstatesWhatIsStillNeeded() {
        assertThat(TierAtRiskEmailTemplate.amount(value("180.001", "CNY"), RoundingMode.UP)).isEqualTo("180.01 元");
        assertThat(TierAtRiskEmailTemplate.amount(value("179.5", "POINTS"), RoundingMode.UP)).isEqualTo("180 积分");
        assertThat(TierAtRiskEmailTemplate.amount(value("320.009", "CNY"), RoundingMode.DOWN)).isEqualTo("320.00 元");
    }

    @Test
    void greetsAMemberWithoutANameAsMemberAndShowsAnUnconfiguredTierByItsCode() {
        Email email = template.render(null, risk("PLATINUM", Instant.parse("2027-11-23T10:00:00Z"), "1", "2", "1", "CNY"));

        assertThat(email.subject()).isEqualTo("您的PLATINUM资格即将到期");
        assertThat(email.body()).startsWith("尊敬的会员：");
    }

    static TierAtRisk risk(String tier, Instant validUntil, String has, String needs, String gap, String unit) {
        return new TierAtRisk(
                MemberId.of("M-1"),
                "default",
                tier,
                validUntil,
                value(has, unit),
                value(needs, unit),
                value(gap, unit),
                "ladder-v1",
                Instant.parse("2027-10-24T10:00:00Z"));
    }

    private static QualifyingValue value(String amount, String unit) {
        return new QualifyingValue(new BigDecimal(amount), unit);
    }
}
