package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.notification.channel.ResilienceSettings;
import com.loyaltysuite.notification.channel.SmsGatewaySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How notifications are written and sent.
 *
 * @param from the sender address of every email
 * @param tierNames display name of each tier code (e.g. {@code SILVER: 银牌会员}), in the ladder's
 *     order, lowest first; a code not listed is shown as is
 * @param zone the programme's time zone, in which dates are written and quiet hours kept for a member
 *     who gave no zone of their own (a member's own zone, from their profile, takes its place)
 * @param contactWait how long a message about a member whose contact details are not known waits for
 *     them (the registration may still be on its way) before it is skipped; default 7 days
 * @param locale the language messages are written in [zh-CN]; a template missing in it is taken in zh-CN
 * @param templates a directory of templates an operator edits; a file there replaces the built-in
 *     one of the same name; none by default
 * @param quietHours when marketing messages wait [22:00–08:00]
 * @param triggers per trigger: on or off, and its channels in order (defaults in {@link #DEFAULT_CHANNELS})
 * @param dispatch how often and how many messages each channel's dispatcher claims
 * @param sms the SMS gateway
 * @param resilience per channel ({@code sms}, {@code email}): timeout, quota, bulkhead, breaker, retry
 * @param report the daily business report (营业汇报)
 */
@ConfigurationProperties("loyalty.notification")
public record NotificationProperties(
        String from,
        Map<String, String> tierNames,
        ZoneId zone,
        Duration contactWait,
        Locale locale,
        Path templates,
        QuietHours quietHours,
        Map<String, TriggerSettings> triggers,
        DispatchSettings dispatch,
        SmsGatewaySettings sms,
        Map<String, ResilienceSettings> resilience,
        ReportSettings report) {

    /** The channels each trigger uses unless configured otherwise. */
    public static final Map<String, List<Channel>> DEFAULT_CHANNELS = Map.of(
            "transaction", List.of(Channel.SMS),
            "points-redeemed", List.of(Channel.SMS),
            "points-reversed", List.of(Channel.SMS),
            "points-expiring", List.of(Channel.EMAIL),
            "tier-changed", List.of(Channel.EMAIL),
            "tier-at-risk", List.of(Channel.EMAIL),
            "benefit-granted", List.of(Channel.SMS),
            "welcome", List.of(Channel.EMAIL),
            "birthday", List.of(Channel.SMS));

    @ConstructorBinding
    public NotificationProperties {
        from = from == null ? "loyalty@shop.example" : from;
        Map<String, String> names = new LinkedHashMap<>();
        if (tierNames != null) {
            tierNames.forEach((code, name) -> names.put(code.toUpperCase(Locale.ROOT), name));
        }
        tierNames = names;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        contactWait = contactWait == null ? Duration.ofDays(7) : contactWait;
        locale = locale == null ? Locale.forLanguageTag("zh-CN") : locale;
        quietHours = quietHours == null ? new QuietHours(null, null) : quietHours;
        triggers = triggers == null ? Map.of() : Map.copyOf(triggers);
        dispatch = dispatch == null ? new DispatchSettings(null, null, null) : dispatch;
        sms = sms == null ? new SmsGatewaySettings(null, null, null, null, null, null) : sms;
        resilience = resilience == null ? Map.of() : Map.copyOf(resilience);
        report = report == null ? new ReportSettings(null, null, null) : report;
    }

    public NotificationProperties(String from, Map<String, String> tierNames, ZoneId zone, Duration contactWait) {
        this(from, tierNames, zone, contactWait, null, null, null, null, null, null, null, null);
    }

    /** The contact wait as it is configured and read: P7D rather than Duration's PT168H. */
    public String contactWaitText() {
        if (!contactWait.isZero() && contactWait.toSeconds() % 86_400 == 0 && contactWait.getNano() == 0) {
            return "P" + contactWait.toDays() + "D";
        }
        return contactWait.toString();
    }

    /** The display name of a tier code, whatever its case; a code not configured is shown as is. */
    public String tierName(String code) {
        return tierNames.getOrDefault(code.toUpperCase(Locale.ROOT), code);
    }

    /** Whether a trigger is on (default: on). */
    public boolean enabled(String trigger) {
        TriggerSettings settings = triggers.get(trigger);
        return settings == null || settings.enabled() == null || settings.enabled();
    }

    /** The channels a trigger uses, in order. */
    public List<Channel> channels(String trigger) {
        TriggerSettings settings = triggers.get(trigger);
        if (settings != null && settings.channels() != null) {
            return settings.channels();
        }
        return DEFAULT_CHANNELS.getOrDefault(trigger, List.of(Channel.EMAIL));
    }

    public ResilienceSettings resilience(Channel channel) {
        ResilienceSettings settings = resilience.get(channel.name().toLowerCase(Locale.ROOT));
        return settings == null ? ResilienceSettings.defaults() : settings;
    }

    /**
     * @param enabled false turns the trigger off [true]
     * @param channels the channels it sends on, each where the member consented
     */
    public record TriggerSettings(Boolean enabled, List<Channel> channels) {}

    /**
     * @param recipients the merchant addresses the report is emailed to; none sends no report
     * @param sendAt when, in the programme's zone, yesterday's report goes out [08:00]
     * @param programId the programme it is about [default]
     */
    public record ReportSettings(List<String> recipients, java.time.LocalTime sendAt, String programId) {

        public ReportSettings {
            recipients = recipients == null
                    ? List.of()
                    : recipients.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
            sendAt = sendAt == null ? java.time.LocalTime.of(8, 0) : sendAt;
            programId = programId == null ? "default" : programId;
        }
    }

    /**
     * @param pollInterval how long each channel's dispatcher waits, once nothing more is due, before it
     *     looks again [500 ms]
     * @param batchSize how many it claims at once; while a round claims a full batch the next follows at
     *     once [50]
     * @param staleClaimAfter a message claimed this long ago and not recorded (its instance crashed
     *     between send and record) is claimed again and sent again under the same id [2 min]
     */
    public record DispatchSettings(Duration pollInterval, Integer batchSize, Duration staleClaimAfter) {

        public DispatchSettings {
            pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
            batchSize = batchSize == null ? 50 : batchSize;
            staleClaimAfter = staleClaimAfter == null ? Duration.ofMinutes(2) : staleClaimAfter;
        }
    }
}
