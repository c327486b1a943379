package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.tier.RegainTarget;
import com.loyaltysuite.events.tier.TierChanged;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierChangeEmailTemplateTest {

    static final Instant VALID_UNTIL = Instant.parse("2027-11-23T10:00:00Z");

    final TierChangeEmailTemplate template = new TierChangeEmailTemplate(properties());

    @Test
    void congratulatesAnUpgradeNamingTheNewTierAndItsValidity() {
        Email email = template.render("张三", "MEMBER", "SILVER", VALID_UNTIL);

        assertThat(email.subject()).isEqualTo("恭喜您升级为银牌会员");
        assertThat(email.body())
                .startsWith("尊敬的张三：")
                .contains("恭喜您升级为银牌会员！")
                .contains("您的银牌会员资格有效期至2027年11月23日。");
    }

    @Test
    void writesTheValidityEndInTheMembersTimeZone() {
        // 2027-11-23T20:00Z is already the 24th in Shanghai (UTC+8).
        Email email = template.render("张三", "SILVER", "GOLD", Instant.parse("2027-11-23T20:00:00Z"));

        assertThat(email.body()).contains("有效期至2027年11月24日");
    }

    @Test
    void writesTheValidityEndInTheMembersOwnZoneWhenTheyGaveOne() {
        // 2027-11-23T20:00Z is the 23rd in London, already the 24th in Shanghai.
        TierChanged change = change("SILVER", "GOLD", null);

        assertThat(template.render("张三", change, java.time.ZoneId.of("Europe/London")).body()).contains("有效期至2027年11月23日");
        assertThat(template.render("张三", change, java.time.ZoneId.of("Asia/Shanghai")).body()).contains("有效期至2027年11月24日");
    }

    @Test
    void aDemotionSaysWhatRegainsTheTierLostBeforeTheClosingLines() {
        Email email = template.render("张三", change("GOLD", "SILVER",
                new RegainTarget("GOLD", new java.math.BigDecimal("1199.5"), "CNY", "P12M")), java.time.ZoneId.of("Asia/Shanghai"));

        assertThat(email.subject()).isEqualTo("您的会员等级已调整为银牌会员");
        assertThat(email.body()).contains("您的会员等级已由金牌会员调整为银牌会员。")
                .contains("\n在资格周期内再消费 1199.50 元即可恢复金牌会员。\n" + EmailText.FOOTER);
        Email byPoints = template.render("张三", change("GOLD", "SILVER",
                new RegainTarget("GOLD", new java.math.BigDecimal("299.2"), "POINTS", "P12M")), java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(byPoints.body()).contains("在资格周期内再累积 300 积分即可恢复金牌会员。");
    }

    @Test
    void anUpgradeOrAnOlderDemotionSaysNothingAboutRegaining() {
        assertThat(template.render("张三", change("GOLD", "SILVER", null), java.time.ZoneId.of("Asia/Shanghai")).body())
                .doesNotContain("恢复");
        assertThat(template.regainSentence(change("SILVER", "GOLD",
                new RegainTarget("SILVER", java.math.BigDecimal.TEN, "CNY", "P12M")))).isNull();
    }

    static TierChanged change(String from, String to, RegainTarget regain) {
        return new TierChanged(com.loyaltysuite.events.MemberId.of("M-1"), "default", from, to,
                com.loyaltysuite.events.tier.TierChangeReason.RETENTION_FAILED,
                new com.loyaltysuite.events.tier.QualifyingValue(new java.math.BigDecimal("800.00"), "CNY"), "ladder-v1",
                VALID_UNTIL, Instant.parse("2027-11-23T20:00:00Z"), java.util.List.of(), regain);
    }

    @ParameterizedTest
    @CsvSource({"GOLD, SILVER, 银牌会员, 金牌会员", "DIAMOND, MEMBER, 普通会员, 钻石会员"})
    void statesADowngradePlainly(String from, String to, String toName, String fromName) {
        Email email = template.render("李四", from, to, VALID_UNTIL);

        assertThat(email.subject()).isEqualTo("您的会员等级已调整为" + toName);
        assertThat(email.body()).contains("您的会员等级已由" + fromName + "调整为" + toName).doesNotContain("恭喜");
    }

    @Test
    void greetsAMemberWithoutANameAsMember() {
        assertThat(template.render(null, "MEMBER", "SILVER", VALID_UNTIL).body()).startsWith("尊敬的会员：");
        assertThat(template.render(" ", "MEMBER", "SILVER", VALID_UNTIL).body()).startsWith("尊敬的会员：");
    }

    @Test
    void aTierWithoutEndIsValidIndefinitely() {
        assertThat(template.render("张三", "DIAMOND", "ACADEMICIAN", null).body()).contains("您的院士会员资格长期有效。");
    }

    @Test
    void aTierMissingFromTheConfigShowsItsCode() {
        Email email = template.render("张三", "GOLD", "PLATINUM", VALID_UNTIL);

        assertThat(email.subject()).isEqualTo("恭喜您升级为PLATINUM");
    }

    @Test
    void tierCodesMatchWhateverTheirCase() {
        assertThat(template.displayName("silver")).isEqualTo("银牌会员");
    }

    static NotificationProperties properties() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("MEMBER", "普通会员");
        names.put("SILVER", "银牌会员");
        names.put("GOLD", "金牌会员");
        names.put("DIAMOND", "钻石会员");
        names.put("ACADEMICIAN", "院士会员");
        return new NotificationProperties("loyalty@shop.example", names, ZoneId.of("Asia/Shanghai"), null);
    }
}
