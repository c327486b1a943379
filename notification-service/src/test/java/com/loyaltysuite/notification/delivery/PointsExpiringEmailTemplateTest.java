package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.points.PointsExpiring;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PointsExpiringEmailTemplateTest {

    final PointsExpiringEmailTemplate template =
            new PointsExpiringEmailTemplate(TierChangeEmailTemplateTest.properties());

    @Test
    void namesThePointsAndTheDayTheyExpire() {
        Email email = template.render("张三", expiring(120, Instant.parse("2027-11-23T10:00:00Z")));

        assertThat(email.subject()).isEqualTo("您有 120 积分即将过期");
        assertThat(email.body())
                .startsWith("尊敬的张三：")
                .contains("您有 120 积分将于2027年11月23日过期，请在过期前使用。")
                .endsWith("此邮件由系统自动发送，请勿直接回复。");
    }

    @Test
    void writesTheExpiryInTheMembersTimeZone() {
        // Midnight in Shanghai (UTC+8) is still the previous day in UTC.
        Email email = template.render("张三", expiring(5, Instant.parse("2027-11-23T16:00:00Z")));

        assertThat(email.body()).contains("将于2027年11月24日过期");
    }

    @Test
    void greetsAMemberWithoutANameAsMember() {
        assertThat(template.render(null, expiring(120, Instant.parse("2027-11-23T10:00:00Z"))).body())
                .startsWith("尊敬的会员：");
    }

    static PointsExpiring expiring(long points, Instant expiresAt) {
        return new PointsExpiring(
                MemberId.of("M-1"), "default", points, expiresAt, Instant.parse("2027-10-24T10:00:00Z"));
    }
}
