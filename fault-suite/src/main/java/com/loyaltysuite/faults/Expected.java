package com.loyaltysuite.faults;

import com.loyaltysuite.events.Money;
import com.loyaltysuite.points.earning.EarningPolicy;
import com.loyaltysuite.points.earning.EarningProperties;
import com.loyaltysuite.points.refund.RefundPolicy;
import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.ladder.TierLadder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * What the services must end with, computed offline from the load's own record with the services' own
 * rule classes used as a library: points-service's {@link EarningPolicy} (at multiplier 1.0, as the
 * scenario runs it) and {@link RefundPolicy}, tier-service's {@link TierLadder} as configured in its
 * {@code tier-service.yml} (spend basis, 12-month window, promotion as soon as a threshold is reached;
 * refunds come after all orders and never demote within a tier's validity).
 */
final class Expected {

    /** A promotion tier-service must publish once as TierChanged. */
    record TierStep(String memberId, String fromTier, String toTier) {}

    final Map<String, Long> balance = new LinkedHashMap<>();
    final Map<String, Integer> earnings = new HashMap<>();
    final Map<String, Long> pointsByOrder = new HashMap<>();
    /** Refund id → points it takes back, for the refunds that take back any. */
    final Map<String, Long> reversals = new HashMap<>();
    final Map<String, String> tier = new LinkedHashMap<>();
    final List<TierStep> tierSteps = new ArrayList<>();

    static Expected of(List<Load.Order> orders) {
        Expected expected = new Expected();
        EarningPolicy earning = new EarningPolicy(new EarningProperties(
                "CNY", 1L, "earning-v1", null,
                Map.of("MEMBER", BigDecimal.ONE, "SILVER", BigDecimal.ONE, "GOLD", BigDecimal.ONE,
                        "DIAMOND", BigDecimal.ONE, "ACADEMICIAN", BigDecimal.ONE),
                List.of(), null));
        TierLadder ladder = ladder();
        Map<String, BigDecimal> spend = new HashMap<>();
        for (Load.Order order : orders) {
            String member = order.memberId();
            String held = expected.tier.getOrDefault(member, ladder.entry().code());
            long points = earning.decide(Money.of(order.amount().toPlainString(), "CNY"), held, order.channel(),
                            List.of(order.category()), order.paidAt())
                    .points();
            expected.pointsByOrder.put(order.orderId(), points);
            expected.earnings.merge(member, 1, Integer::sum);
            expected.balance.merge(member, points, Long::sum);
            BigDecimal total = spend.merge(member, order.amount(), BigDecimal::add);
            Tier reached = ladder.reachedBy(total);
            if (ladder.isAbove(reached, held)) {
                expected.tierSteps.add(new TierStep(member, held, reached.code()));
                held = reached.code();
            }
            expected.tier.put(member, held);
        }
        for (Load.Order order : orders) {
            if (order.refund() != null) {
                long back = RefundPolicy.pointsToReverse(
                        expected.pointsByOrder.get(order.orderId()), order.amount(), BigDecimal.ZERO, 0, order.refund());
                if (back > 0) {
                    expected.reversals.put(order.refundId(), back);
                    expected.balance.merge(order.memberId(), -back, Long::sum);
                }
            }
        }
        return expected;
    }

    /** tier-service's ladder, read from the configuration file in its jar. */
    @SuppressWarnings("unchecked")
    static TierLadder ladder() {
        try (InputStream in = Expected.class.getClassLoader().getResourceAsStream("tier-service.yml")) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> ladder = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) root.get("loyalty"))
                    .get("tier")).get("ladder");
            List<Tier> tiers = new ArrayList<>();
            for (Map<String, Object> t : (List<Map<String, Object>>) ladder.get("tiers")) {
                tiers.add(new Tier((String) t.get("code"), (String) t.get("name-zh-cn"), (String) t.get("name-en"),
                        new BigDecimal(String.valueOf(t.get("threshold")))));
            }
            return new TierLadder((String) ladder.get("policy-version"), (String) ladder.get("currency"),
                    Period.parse((String) ladder.get("validity")), tiers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
