package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

class NotificationPropertiesTest {

    @Test
    void bindsTriggersQuietHoursAndResilienceAsAnOperatorWritesThem() {
        NotificationProperties properties = bind(Map.of(
                "loyalty.notification.quiet-hours.start", "21:30",
                "loyalty.notification.quiet-hours.end", "07:45",
                "loyalty.notification.triggers.benefit-granted.channels", "EMAIL,SMS",
                "loyalty.notification.triggers.welcome.enabled", "false",
                "loyalty.notification.resilience.sms.timeout", "PT3S",
                "loyalty.notification.resilience.sms.rate-per-second", "20"));

        assertThat(properties.quietHours()).isEqualTo(new QuietHours(LocalTime.of(21, 30), LocalTime.of(7, 45)));
        assertThat(properties.channels("benefit-granted")).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(properties.enabled("welcome")).isFalse();
        assertThat(properties.enabled("transaction")).isTrue();
        assertThat(properties.channels("transaction")).containsExactly(Channel.SMS);
        assertThat(properties.resilience(Channel.SMS).timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.resilience(Channel.SMS).ratePerSecond()).isEqualTo(20);
        assertThat(properties.resilience(Channel.EMAIL).timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void writesTheContactWaitAsConfigured() {
        assertThat(new NotificationProperties(null, Map.of(), ZoneId.of("UTC"), Duration.ofHours(36)).contactWaitText())
                .isEqualTo("PT36H");
        assertThat(new NotificationProperties(null, Map.of(), ZoneId.of("UTC"), null).contactWaitText()).isEqualTo("P7D");
        assertThat(new NotificationProperties(null, null, null, null).channels("tier-changed")).isEqualTo(List.of(Channel.EMAIL));
    }

    private static NotificationProperties bind(Map<String, String> values) {
        return new Binder(List.of(new MapConfigurationPropertySource(values)), null, ApplicationConversionService.getSharedInstance())
                .bindOrCreate("loyalty.notification", NotificationProperties.class);
    }
}
