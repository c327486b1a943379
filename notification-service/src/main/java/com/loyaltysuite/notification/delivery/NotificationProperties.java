package com.loyaltysuite.notification.delivery;

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
 */
@ConfigurationProperties("loyalty.notification")
public record NotificationProperties(String from, Map<String, String> tierNames, ZoneId zone) {

    public NotificationProperties {
        from = from == null ? "loyalty@shop.example" : from;
        Map<String, String> names = new LinkedHashMap<>();
        if (tierNames != null) {
            tierNames.forEach((code, name) -> names.put(code.toUpperCase(Locale.ROOT), name));
        }
        tierNames = names;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }

    /** The display name of a tier code, whatever its case; a code not configured is shown as is. */
    public String tierName(String code) {
        return tierNames.getOrDefault(code.toUpperCase(Locale.ROOT), code);
    }
}
