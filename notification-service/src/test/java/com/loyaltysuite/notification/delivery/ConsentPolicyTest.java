package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.notification.contact.ContactView;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Preferred channels narrow a trigger's channels; consent still applies on the ones that remain. */
class ConsentPolicyTest {

    ConsentPolicy policy = new ConsentPolicy();

    @Test
    void aMemberWhoPrefersEmailIsNotToldBySms() {
        ContactView emailOnly = contact(List.of(Channel.EMAIL), true);

        assertThat(policy.refusal(emailOnly, Channel.SMS, Purpose.TRANSACTIONAL)).isEqualTo("member prefers EMAIL");
        assertThat(policy.refusal(emailOnly, Channel.SMS, Purpose.MARKETING)).isEqualTo("member prefers EMAIL");
        assertThat(policy.refusal(emailOnly, Channel.EMAIL, Purpose.TRANSACTIONAL)).isNull();
    }

    @Test
    void noPreferenceStatedMeansAnyChannelConsentedTo() {
        ContactView any = contact(List.of(), true);

        assertThat(policy.refusal(any, Channel.SMS, Purpose.MARKETING)).isNull();
        assertThat(policy.refusal(any, Channel.EMAIL, Purpose.MARKETING)).isNull();
    }

    @Test
    void aPreferredChannelStillNeedsItsConsent() {
        ContactView smsWithoutMarketing = contact(List.of(Channel.SMS, Channel.EMAIL), false);

        assertThat(policy.refusal(smsWithoutMarketing, Channel.SMS, Purpose.MARKETING))
                .isEqualTo("member has not consented to marketing sms");
        assertThat(policy.refusal(smsWithoutMarketing, Channel.SMS, Purpose.TRANSACTIONAL)).isNull();
    }

    @Test
    void theMembersOwnZoneOrTheProgrammes() {
        ZoneId programme = ZoneId.of("Asia/Shanghai");
        assertThat(withZone("Europe/London").zone(programme)).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(withZone(null).zone(programme)).isEqualTo(programme);
        assertThat(withZone("Mars/Olympus").zone(programme)).isEqualTo(programme);
    }

    static ContactView contact(List<Channel> preferred, boolean marketing) {
        return new ContactView("M-1", "default", "李雷", "+8613800000000", "li@example.com", marketing, marketing, false,
                true, true, null, preferred, null);
    }

    static ContactView withZone(String zone) {
        return new ContactView("M-1", "default", "李雷", null, null, true, true, false, true, true, zone, List.of(), null);
    }
}
