package com.loyaltysuite.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The outage scenario's check of the messages: what the provider stand-ins received (every incarnation,
 * from their files, nothing deduplicated) against what must have been sent, by message id.
 *
 * <p>Expected, from the load's own record and the offline figures: one transaction SMS per order, one
 * points-reversed SMS per refund that takes points back, one tier-changed email per promotion (every
 * member registered with a mobile, an email and consent to both). A message's id is the one
 * notification-service passes the provider as its idempotency key (SMS {@code OutId}, mail {@code
 * X-Loyalty-Notification-Id}): a name-based UUID of the event it is about, the channel and the
 * template, derived here exactly as notification-service's {@code MessageIds} derives it, from the
 * event ids read off the topics. Lost: an expected id never received; doubled: an id received twice or
 * more, or one never expected. And the delivery log ({@code notification.notification_delivery}) must
 * end with every delivery SENT.
 */
final class Messages {

    /** notification-service's namespace for message ids (MessageIds.NAMESPACE). */
    private static final UUID NAMESPACE = UUID.fromString("5b0f6a2e-2d55-4d8a-9a51-6c1c8f0e4b7d");

    static final List<String> UNSETTLED = List.of("PENDING", "SENDING", "WAITING_FOR_CONTACT");

    record Result(int expected, int received, int lost, int doubled, Map<String, Integer> statuses, List<String> problems) {
        boolean clean() {
            return lost == 0 && doubled == 0 && problems.isEmpty();
        }
    }

    private Messages() {}

    /**
     * Checks until clean, for as long as notification-service makes progress (more receipts, or more
     * deliveries SENT) at least every {@code stallSeconds}: its backlog after a long outage under load
     * can take longer to send than any fixed wait. Once clean, 10 s later again, to catch a late double.
     */
    static Result await(Stage stage, Expected expected, List<Load.Order> orders, OutputReader output,
            List<Path> catcherFiles, int stallSeconds) throws Exception {
        Result result = check(stage, expected, orders, output, catcherFiles);
        long progress = progress(result);
        long lastProgress = System.nanoTime();
        while (!result.clean() && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(stallSeconds)) {
            Thread.sleep(2000);
            result = check(stage, expected, orders, output, catcherFiles);
            if (progress(result) != progress) {
                progress = progress(result);
                lastProgress = System.nanoTime();
            }
        }
        if (result.clean()) {
            Thread.sleep(10_000);
            result = check(stage, expected, orders, output, catcherFiles);
        }
        return result;
    }

    private static long progress(Result result) {
        return result.received() + result.statuses().getOrDefault("SENT", 0);
    }

    static Result check(Stage stage, Expected expected, List<Load.Order> orders, OutputReader output,
            List<Path> catcherFiles) throws IOException, SQLException {
        Map<String, String> wanted = new HashMap<>(); // message id -> what it is about
        Map<String, Set<String>> earned = output.earned();
        for (Load.Order order : orders) {
            for (String event : earned.getOrDefault(order.orderId(), Set.of())) {
                wanted.put(id(event, "SMS", "transaction"), "transaction SMS for " + order.orderId());
            }
        }
        Map<String, Set<String>> reversed = output.reversed();
        for (String refund : expected.reversals.keySet()) {
            for (String event : reversed.getOrDefault(refund, Set.of())) {
                wanted.put(id(event, "SMS", "points-reversed"), "points-reversed SMS for " + refund);
            }
        }
        Map<String, Set<String>> tierChanges = output.tierChanges();
        for (Expected.TierStep step : expected.tierSteps) {
            String key = step.memberId() + "|" + step.fromTier() + "|" + step.toTier();
            for (String event : tierChanges.getOrDefault(key, Set.of())) {
                wanted.put(id(event, "EMAIL", "tier-changed"), "tier-changed email for " + key);
            }
        }
        // What the events imply is not yet all there: the points and tier reconciliation reports that.
        int eventsMissing = 0;
        for (Load.Order order : orders) {
            eventsMissing += earned.containsKey(order.orderId()) ? 0 : 1;
        }

        Map<String, Integer> received = new HashMap<>();
        int receipts = 0;
        for (Path file : catcherFiles) {
            for (String id : ProviderCatcher.received(file)) {
                received.merge(id, 1, Integer::sum);
                receipts++;
            }
        }
        List<String> problems = new ArrayList<>();
        int lost = 0;
        int doubled = 0;
        for (String id : wanted.keySet()) {
            int times = received.getOrDefault(id, 0);
            if (times == 0) {
                lost++;
            } else if (times > 1) {
                doubled++;
            }
        }
        int unexpected = 0;
        for (Map.Entry<String, Integer> id : received.entrySet()) {
            if (!wanted.containsKey(id.getKey())) {
                unexpected++;
            }
        }
        if (unexpected > 0) {
            doubled += unexpected;
            problems.add(unexpected + " message id(s) received that no event implies");
        }
        if (eventsMissing > 0) {
            problems.add(eventsMissing + " order(s) without their PointsEarned, so without an expected SMS id yet");
        }
        Map<String, Integer> statuses = statuses(stage);
        statuses.forEach((status, count) -> {
            if (!status.equals("SENT")) {
                problems.add(count + " deliveries " + status + " in the delivery log");
            }
        });
        int sent = statuses.getOrDefault("SENT", 0);
        if (sent != wanted.size()) {
            problems.add("the delivery log has " + sent + " SENT deliveries, " + wanted.size() + " expected");
        }
        return new Result(wanted.size(), receipts, lost, doubled, statuses, problems);
    }

    /** Deliveries by status in notification-service's delivery log. */
    static Map<String, Integer> statuses(Stage stage) throws SQLException {
        Map<String, Integer> statuses = new TreeMap<>();
        try (Connection connection = stage.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select status, count(*) from notification.notification_delivery group by status");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                statuses.put(rows.getString(1), rows.getInt(2));
            }
        }
        return statuses;
    }

    /** The deliveries not sent yet (waiting for their provider, being sent, or waiting for a contact). */
    static List<String> unsettled(Stage stage) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = stage.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select notification_id from notification.notification_delivery where status = any (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", UNSETTLED.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** How many of {@code ids} are still not SENT (nor otherwise decided). */
    static int stillUnsettled(Stage stage, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection connection = stage.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from notification.notification_delivery where notification_id = any (?) and status = any (?)")) {
            Array idArray = connection.createArrayOf("varchar", ids.toArray());
            query.setArray(1, idArray);
            query.setArray(2, connection.createArrayOf("varchar", UNSETTLED.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** notification-service's message id: UUID v5 (SHA-1) of {@code event|channel|template} in its namespace. */
    static String id(String eventId, String channel, String template) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] namespace = new byte[16];
            long msb = NAMESPACE.getMostSignificantBits();
            long lsb = NAMESPACE.getLeastSignificantBits();
            for (int i = 0; i < 8; i++) {
                namespace[i] = (byte) (msb >>> (8 * (7 - i)));
                namespace[i + 8] = (byte) (lsb >>> (8 * (7 - i)));
            }
            sha1.update(namespace);
            byte[] hash = sha1.digest((eventId + "|" + channel + "|" + template).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (hash[i] & 0xff);
                low = (low << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(high, low).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }

    static String summary(Result result) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("expected", result.expected());
        figures.put("receipts", result.received());
        figures.put("lost", result.lost());
        figures.put("doubled", result.doubled());
        figures.put("delivery log", result.statuses());
        return figures.toString();
    }
}
