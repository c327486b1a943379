package com.loyaltysuite.notification.delivery;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications are written and sent.
 *
 * @param from the sender address of every email
 * @param tierNames display name of each tier code (e.g. {@code SILVER: 银牌会员}), in the ladder's
 *     order, lowest first; a code not listed is shown as is
 * @param zone the members' time zone, in which dates are written
 * @param contactWait how long an email about a member whose contact details are not known waits for
 *     them (the registration may still be on its way) before it is skipped; default 7 days
 */
@ConfigurationProperties("loyalty.notification")
public record NotificationProperties(String from, Map<String, String> tierNames, ZoneId zone, Duration contactWait) {

    public NotificationProperties {
        from = from == null ? "loyalty@shop.example" : from;
        Map<String, String> names = new LinkedHashMap<>();
        if (tierNames != null) {
            tierNames.forEach((code, name) -> names.put(code.toUpperCase(Locale.ROOT), name));
        }
        tierNames = names;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        contactWait = contactWait == null ? Duration.ofDays(7) : contactWait;
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
}
