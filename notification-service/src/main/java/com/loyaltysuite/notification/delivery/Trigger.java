package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.EventType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * A moment that tells a member something (交易提醒, a tier change, a benefit…): the event it is about,
 * its purpose, and what its templates are filled with. Its name is the template's name in the
 * delivery log and the templates' file names ({@code <name>.<channel>.<locale>.mustache}); which
 * channels it uses, and whether it is on, is configured ({@code loyalty.notification.triggers.<name>}).
 */
public interface Trigger {

    String name();

    EventType eventType();

    Purpose purpose();

    /**
     * For a warning, the instant after which the member can no longer act on it: consumed or sent
     * later, it is skipped as too late. Null when none.
     */
    default Instant actBy(IntegrationEvent event) {
        return null;
    }

    /**
     * What the templates are filled with, from the event and the facts captured when the message was
     * decided, dates and times written in {@code zone}: the member's own time zone, or the programme's
     * when they gave none. The member's name ({@code name}) and greeting are added by the templates.
     */
    Map<String, Object> variables(IntegrationEvent event, Map<String, String> facts, ZoneId zone);

    /**
     * False for a message to configured recipients rather than to a member (the daily report, an
     * operations alert): it has no event, no contact, no consent and no quiet hours; its recipients
     * and facts are on its delivery row.
     */
    default boolean toMembers() {
        return true;
    }

    /**
     * A message still written in code rather than from a template file (the first three emails), for
     * the member named {@code memberName} (null when none is on file), dates written in {@code zone};
     * empty to use the template file.
     */
    default Optional<MessageTemplates.Rendered> writtenInCode(
            Channel channel, String memberName, IntegrationEvent event, ZoneId zone) {
        return Optional.empty();
    }
}
