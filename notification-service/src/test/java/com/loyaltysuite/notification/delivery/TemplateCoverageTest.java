package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Every trigger configured in the service's own {@code notification-service.yml} can be switched on and
 * sent on any channel it may go on (a member's message on SMS or email, an operational one by email),
 * in zh-CN and en, from its own template: nothing falls back to another language unseen.
 */
class TemplateCoverageTest {

    static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en"));
    /** Sent to configured addresses, by email only. */
    static final Set<String> OPERATIONAL = Set.of("daily-report", "anomaly-alert");
    /** Their Chinese email is still written in code ({@link Trigger#writtenInCode}). */
    static final Set<String> CHINESE_EMAIL_IN_CODE = Set.of("tier-changed", "tier-at-risk", "points-expiring");

    final MessageTemplates templates = new MessageTemplates(null);

    @Test
    void everyConfiguredTriggerHasATemplatePerChannelAndLocale() throws Exception {
        NotificationProperties properties = configured();
        assertThat(properties.triggers().keySet())
                .contains("transaction", "points-redeemed", "points-reversed", "points-expiring", "tier-changed",
                        "tier-at-risk", "benefit-granted", "birthday", "welcome", "daily-report", "anomaly-alert");

        List<String> missing = new ArrayList<>();
        properties.triggers().keySet().forEach(trigger -> {
            List<Channel> channels = OPERATIONAL.contains(trigger) ? List.of(Channel.EMAIL) : List.of(Channel.values());
            assertThat(channels).as(trigger).containsAll(properties.channels(trigger));
            for (Channel channel : channels) {
                for (Locale locale : LOCALES) {
                    boolean inCode = channel == Channel.EMAIL
                            && locale.equals(MessageTemplates.DEFAULT_LOCALE)
                            && CHINESE_EMAIL_IN_CODE.contains(trigger);
                    if (!inCode && !templates.has(trigger, channel, locale)) {
                        missing.add(MessageTemplates.fileName(trigger, channel, locale));
                    }
                }
            }
        });

        assertThat(missing).isEmpty();
    }

    @Test
    void theBirthdayGreetingIsSwitchableOnWithAChannelAndTheWelcomeStaysOffByDefault() throws Exception {
        NotificationProperties properties = configured();

        assertThat(properties.enabled("birthday")).isTrue();
        assertThat(properties.channels("birthday")).containsExactly(Channel.SMS);
        assertThat(properties.enabled("welcome")).isFalse();
    }

    static NotificationProperties configured() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("notification-service", new ClassPathResource("notification-service.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return Binder.get(environment).bind("loyalty.notification", NotificationProperties.class).get();
    }
}
