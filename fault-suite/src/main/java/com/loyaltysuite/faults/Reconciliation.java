package com.loyaltysuite.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The exact check after a scenario: what the services published and what they hold, against
 * {@link Expected}.
 *
 * <ul>
 *   <li>lost: an order without its PointsEarned, a refund without its PointsReversed, a promotion
 *       without its TierChanged;
 *   <li>doubled: one of those under two or more event ids, or one that should not exist at all;
 *   <li>state: each member's balance ({@code points.points_balance}), ledger ({@code
 *       points.points_ledger_entry}: one EARNED row per order with its points, one REVERSED row per refund,
 *       the rows summing to the balance) and tier ({@code tier.member_tier}) against the offline figures.
 * </ul>
 */
final class Reconciliation {

    record Result(int lost, int doubled, List<String> problems) {
        boolean clean() {
            return lost == 0 && doubled == 0 && problems.isEmpty();
        }
    }

    private Reconciliation() {}

    /**
     * Checks until everything matches (the pipeline may still be draining) or {@code timeoutSeconds}
     * pass; then, once clean, waits a few seconds more and checks again, so that a late double is caught.
     */
    static Result await(Stage stage, Expected expected, OutputReader output, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Result result = check(stage, expected, output);
        while (!result.clean() && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            result = check(stage, expected, output);
        }
        if (result.clean()) {
            Thread.sleep(10_000);
            result = check(stage, expected, output);
        }
        return result;
    }

    static Result check(Stage stage, Expected expected, OutputReader output) throws SQLException {
        List<String> problems = new ArrayList<>();
        int lost = 0;
        int doubled = 0;

        Map<String, Set<String>> earned = output.earned();
        for (String order : expected.pointsByOrder.keySet()) {
            Set<String> ids = earned.get(order);
            if (ids == null) {
                lost++;
            } else if (ids.size() > 1) {
                doubled++;
            }
        }
        for (String order : earned.keySet()) {
            if (!expected.pointsByOrder.containsKey(order) && order != null && order.startsWith("O-")) {
                doubled++;
                problems.add("PointsEarned for an order never sent: " + order);
            }
        }
        Map<String, Set<String>> reversed = output.reversed();
        for (String refund : expected.reversals.keySet()) {
            Set<String> ids = reversed.get(refund);
            if (ids == null) {
                lost++;
            } else if (ids.size() > 1) {
                doubled++;
            }
        }
        Map<String, Set<String>> tierChanges = output.tierChanges();
        Set<String> expectedSteps = new HashSet<>();
        for (Expected.TierStep step : expected.tierSteps) {
            String key = step.memberId() + "|" + step.fromTier() + "|" + step.toTier();
            expectedSteps.add(key);
            Set<String> ids = tierChanges.get(key);
            if (ids == null) {
                lost++;
            } else if (ids.size() > 1) {
                doubled++;
            }
        }
        for (Map.Entry<String, Set<String>> change : tierChanges.entrySet()) {
            if (!expectedSteps.contains(change.getKey()) && expected.tier.containsKey(change.getKey().split("\\|")[0])) {
                doubled += change.getValue().size();
                problems.add("TierChanged never expected: " + change.getKey());
            }
        }

        try (Connection connection = stage.connect()) {
            Map<String, Long> balances = longs(connection, "select member_id, total from points.points_balance");
            Map<String, String> tiers = strings(connection, "select member_id, tier from tier.member_tier");
            Map<String, List<Object[]>> ledger = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                            "select member_id, kind, points, order_id, reference from points.points_ledger_entry");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ledger.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(new Object[] {
                        rows.getString(2), rows.getLong(3), rows.getString(4), rows.getString(5)
                    });
                }
            }
            int balanceOff = 0;
            int ledgerOff = 0;
            int tierOff = 0;
            for (Map.Entry<String, Long> member : expected.balance.entrySet()) {
                String id = member.getKey();
                if (!member.getValue().equals(balances.get(id))) {
                    balanceOff++;
                }
                if (!ledgerMatches(expected, id, ledger.getOrDefault(id, List.of()))) {
                    ledgerOff++;
                }
                if (!expected.tier.get(id).equals(tiers.get(id))) {
                    tierOff++;
                }
            }
            if (balanceOff > 0) {
                problems.add(balanceOff + " member balance(s) differ from the offline figure");
            }
            if (ledgerOff > 0) {
                problems.add(ledgerOff + " member ledger(s) differ from the offline figure");
            }
            if (tierOff > 0) {
                problems.add(tierOff + " member tier(s) differ from the offline figure");
            }
        }
        return new Result(lost, doubled, problems);
    }

    /** One EARNED row per order with its points, one REVERSED row per refund that takes points back, summing to the balance. */
    private static boolean ledgerMatches(Expected expected, String member, List<Object[]> rows) {
        long sum = 0;
        Set<String> orders = new HashSet<>();
        Set<String> refunds = new HashSet<>();
        for (Object[] row : rows) {
            String kind = (String) row[0];
            long points = (Long) row[1];
            sum += points;
            if (kind.equals("EARNED")) {
                if (!orders.add((String) row[2]) || !Long.valueOf(points).equals(expected.pointsByOrder.get((String) row[2]))) {
                    return false;
                }
            } else if (kind.equals("REVERSED")) {
                if (!refunds.add((String) row[3]) || !Long.valueOf(-points).equals(expected.reversals.get((String) row[3]))) {
                    return false;
                }
            } else {
                return false;
            }
        }
        long refundsOfMember = expected.reversals.keySet().stream()
                .filter(r -> refunds.contains(r))
                .count();
        return sum == expected.balance.get(member)
                && orders.size() == expected.earnings.get(member)
                && refundsOfMember == refunds.size();
    }

    private static Map<String, Long> longs(Connection connection, String sql) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getLong(2));
            }
        }
        return values;
    }

    private static Map<String, String> strings(Connection connection, String sql) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return values;
    }
}
