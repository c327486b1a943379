package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.points.PointsAdjusted;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.events.points.PointsExpired;
import com.loyaltysuite.events.points.PointsRedeemed;
import com.loyaltysuite.events.points.PointsReversed;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The points alerts: 交易提醒 on every order's points (trigger {@code transaction}: the points, the
 * amount paid and the balance after), points redeemed ({@code points-redeemed}) and points reversed by
 * a refund ({@code points-reversed}), all transactional; and the balance they quote, kept from every
 * points event ({@link PointsBalances}).
 */
@Component
public class PointsAlerts {

    static final String BALANCE_AFTER = "balanceAfter";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Notifier notifier;
    private final PointsBalances balances;
    private final NotificationProperties properties;
    private final Trigger transaction;
    private final Trigger redeemed;
    private final Trigger reversed;

    PointsAlerts(Notifier notifier, PointsBalances balances, NotificationProperties properties) {
        this.notifier = notifier;
        this.balances = balances;
        this.properties = properties;
        this.transaction = new PointsTrigger("transaction", EventType.POINTS_EARNED, this::earnedVariables);
        this.redeemed = new PointsTrigger("points-redeemed", EventType.POINTS_REDEEMED, this::redeemedVariables);
        this.reversed = new PointsTrigger("points-reversed", EventType.POINTS_REVERSED, this::reversedVariables);
    }

    /** The triggers, for {@link Triggers}. */
    Trigger[] triggers() {
        return new Trigger[] {transaction, redeemed, reversed};
    }

    public void earned(PointsEarned earned, String causationId) {
        long after = balances.add(earned.memberId().value(), earned.points(), earned.earnedAt());
        notifier.notify(transaction, earned, causationId, Map.of(BALANCE_AFTER, Long.toString(after)));
    }

    public void redeemed(PointsRedeemed redemption, String causationId) {
        long after = balances.add(redemption.memberId().value(), -redemption.points(), redemption.redeemedAt());
        notifier.notify(redeemed, redemption, causationId, Map.of(BALANCE_AFTER, Long.toString(after)));
    }

    public void reversed(PointsReversed reversal, String causationId) {
        long after = balances.add(reversal.memberId().value(), -reversal.points(), reversal.reversedAt());
        notifier.notify(reversed, reversal, causationId, Map.of(BALANCE_AFTER, Long.toString(after)));
    }

    public void expired(PointsExpired expired) {
        balances.add(expired.memberId().value(), -expired.points(), expired.expiredAt());
    }

    public void adjusted(PointsAdjusted adjusted) {
        balances.add(adjusted.memberId().value(), adjusted.points(), adjusted.adjustedAt());
    }

    private Map<String, Object> earnedVariables(IntegrationEvent event, Map<String, String> facts, ZoneId zone) {
        PointsEarned earned = (PointsEarned) event;
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("points", earned.points());
        variables.put("amount", money(earned.orderAmount()));
        variables.put("orderId", earned.orderId().value());
        variables.put("time", TIME.format(earned.earnedAt().atZone(zone)));
        variables.put("balance", facts.getOrDefault(BALANCE_AFTER, ""));
        return variables;
    }

    private Map<String, Object> redeemedVariables(IntegrationEvent event, Map<String, String> facts, ZoneId zone) {
        PointsRedeemed redemption = (PointsRedeemed) event;
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("points", redemption.points());
        variables.put("time", TIME.format(redemption.redeemedAt().atZone(zone)));
        variables.put("balance", facts.getOrDefault(BALANCE_AFTER, ""));
        return variables;
    }

    private Map<String, Object> reversedVariables(IntegrationEvent event, Map<String, String> facts, ZoneId zone) {
        PointsReversed reversal = (PointsReversed) event;
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("points", reversal.points());
        variables.put("orderId", reversal.orderId().value());
        variables.put("time", TIME.format(reversal.reversedAt().atZone(zone)));
        variables.put("balance", facts.getOrDefault(BALANCE_AFTER, ""));
        return variables;
    }

    /** 199.00元 for yuan, else the amount and its currency code (199.00 USD). */
    static String money(Money money) {
        String value = money.value().setScale(2, RoundingMode.HALF_UP).toPlainString();
        return "CNY".equalsIgnoreCase(money.currency()) ? value + "元" : value + " " + money.currency();
    }

    /** A transactional points trigger whose variables come from a function. */
    private record PointsTrigger(String name, EventType eventType, Variables vars)
            implements Trigger {

        @Override
        public Purpose purpose() {
            return Purpose.TRANSACTIONAL;
        }

        @Override
        public Map<String, Object> variables(IntegrationEvent event, Map<String, String> facts, ZoneId zone) {
            return vars.of(event, facts, zone);
        }
    }

    /** What a points trigger's templates are filled with, dates and times in the member's zone. */
    private interface Variables {
        Map<String, Object> of(IntegrationEvent event, Map<String, String> facts, ZoneId zone);
    }
}
