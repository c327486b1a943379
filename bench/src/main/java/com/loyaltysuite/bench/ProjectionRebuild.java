package com.loyaltysuite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Rebuild speed: grows a service's event store to the wanted size, then rebuilds a projection through
 * {@code POST /actuator/projections/{name}} and times it until the processor has left replay.
 *
 * <p>The store is grown while the suite is stopped, by copying the events the run recorded under new
 * member ids (the member id rewritten in the aggregate id and inside the JSON payload, new event ids),
 * appended after the last event with consecutive global indexes. Every processor's token is then moved
 * past the copies, so that when the suite starts again nothing relays, schedules or projects them, and
 * only a rebuild reads them.
 */
final class ProjectionRebuild {

    record Grown(String schema, long recorded, long copied, long total, double copySeconds) {}

    record Rebuilt(String service, String processor, long events, double seconds, double eventsPerSecond,
            String outcome) {}

    static final String GAP_AWARE_TOKEN = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(100);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String dbUrl;
    private final String user;
    private final String password;
    private final ClientToken admin;

    ProjectionRebuild(String dbUrl, String user, String password, ClientToken admin) {
        this.dbUrl = dbUrl;
        this.user = user;
        this.password = password;
        this.admin = admin;
    }

    /**
     * Copies recorded events in {@code schema}'s store until it holds at least {@code target} events,
     * then moves every processor of the schema past them. Only while the suite is stopped.
     */
    Grown grow(String schema, long target) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(dbUrl, user, password)) {
            connection.setAutoCommit(false);
            long recorded = count(connection, schema);
            if (recorded == 0) {
                throw new IllegalStateException("The " + schema + " event store is empty: nothing to copy");
            }
            long lastRecorded = maxIndex(connection, schema);
            List<String> columns = new ArrayList<>();
            String payloadType = null;
            try (PreparedStatement query = connection.prepareStatement("""
                    select column_name, data_type from information_schema.columns
                    where table_schema = ? and table_name = 'domain_event_entry' order by ordinal_position""")) {
                query.setString(1, schema);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        columns.add(rows.getString(1));
                        if (rows.getString(1).equals("payload")) {
                            payloadType = rows.getString(2);
                        }
                    }
                }
            }
            long total = recorded;
            int round = 1;
            while (total < target) {
                long batch = Math.min(recorded, target - total);
                try (PreparedStatement copy = connection.prepareStatement(copySql(schema, columns, payloadType))) {
                    copy.setString(1, "C" + round + "-");
                    copy.setLong(2, maxIndex(connection, schema));
                    copy.setLong(3, lastRecorded);
                    copy.setLong(4, batch);
                    total += copy.executeUpdate();
                }
                round++;
            }
            long last = maxIndex(connection, schema);
            try (Statement statement = connection.createStatement()) {
                // The suite's next events come after the copies, whatever block of ids it had reserved.
                statement.execute("select setval('" + schema + ".domain_event_entry_seq', " + (last + 1000) + ")");
            }
            try (PreparedStatement tokens = connection.prepareStatement("update " + schema + ".token_entry"
                    + " set token = convert_to(?, 'UTF8'), token_type = ?, owner = null where token is not null")) {
                tokens.setString(1, "{\"index\":" + last + ",\"gaps\":[]}");
                tokens.setString(2, GAP_AWARE_TOKEN);
                tokens.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze " + schema + ".domain_event_entry");
            }
            return new Grown(schema, recorded, total - recorded, total, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Rebuilds {@code processor} of the service at {@code baseUrl}; the events are those of {@code schema}'s store. */
    Rebuilt rebuild(String service, String baseUrl, String processor, String schema, Duration timeout)
            throws Exception {
        long events;
        try (Connection connection = DriverManager.getConnection(dbUrl, user, password)) {
            events = count(connection, schema);
        }
        if (state(baseUrl, processor) == null) {
            return new Rebuilt(service, processor, events, 0, 0, "no such processor");
        }
        long start = System.nanoTime();
        HttpResponse<String> started = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/projections/" + processor))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + admin.get())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() / 100 != 2) {
            return new Rebuilt(service, processor, events, 0, 0, "refused: HTTP " + started.statusCode() + " " + started.body());
        }
        boolean seenReplaying = false;
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = state(baseUrl, processor);
            long now = System.nanoTime();
            if (state != null && state.path("error").asBoolean(false)) {
                return new Rebuilt(service, processor, events, (now - start) / 1e9, 0, "processor in error");
            }
            boolean claimed = state != null && state.path("segments").asInt(0) > 0;
            boolean replaying = state != null && state.path("replaying").asBoolean(false);
            seenReplaying |= claimed && replaying;
            // Until a segment is claimed again the processor reports no replay; wait for it to start first.
            boolean finished = claimed && !replaying && (seenReplaying || now - start > TimeUnit.SECONDS.toNanos(30));
            if (finished) {
                double seconds = (now - start) / 1e9;
                return new Rebuilt(service, processor, events, seconds, events / seconds,
                        seenReplaying ? "replayed" : "no replay seen");
            }
            Thread.sleep(POLL.toMillis());
        }
        return new Rebuilt(service, processor, events, timeout.toSeconds(), 0, "still replaying after " + timeout);
    }

    /** This processor's entry in GET /actuator/projections, or null. */
    private JsonNode state(String baseUrl, String processor) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/projections"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + admin.get())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        for (JsonNode entry : JSON.readTree(response.body())) {
            if (processor.equals(entry.path("name").asText())) {
                return entry;
            }
        }
        return null;
    }

    static Map<String, String> copyExpressions(List<String> columns, String payloadType) {
        Map<String, String> expressions = new LinkedHashMap<>();
        String renamed = "'\"' || c.bench_prefix || c.aggregate_identifier || '\"'";
        String original = "'\"' || c.aggregate_identifier || '\"'";
        for (String column : columns) {
            String expression = switch (column) {
                case "global_index" -> "c.bench_index";
                case "event_identifier" -> "c.bench_new_id";
                case "aggregate_identifier" -> "case when c.aggregate_identifier = c.event_identifier"
                        + " then c.bench_new_id else c.bench_prefix || c.aggregate_identifier end";
                case "payload" -> switch (payloadType == null ? "" : payloadType) {
                    case "bytea" -> "convert_to(replace(convert_from(c.payload, 'UTF8'), " + original + ", " + renamed
                            + "), 'UTF8')";
                    case "text", "character varying" -> "replace(c.payload, " + original + ", " + renamed + ")";
                    case "json", "jsonb" -> "replace(c.payload::text, " + original + ", " + renamed + ")::" + payloadType;
                    default -> throw new IllegalStateException("Cannot rewrite a payload stored as " + payloadType);
                };
                default -> "c." + column;
            };
            expressions.put(column, expression);
        }
        return expressions;
    }

    /** Parameters: member id prefix, the index to continue after, the last recorded index, how many. */
    static String copySql(String schema, List<String> columns, String payloadType) {
        Map<String, String> expressions = copyExpressions(columns, payloadType);
        return "insert into " + schema + ".domain_event_entry (" + String.join(", ", expressions.keySet()) + ")"
                + " select " + String.join(", ", expressions.values())
                + " from (select e.*, gen_random_uuid()::text as bench_new_id, ?::text as bench_prefix,"
                + " ? + row_number() over (order by e.global_index) as bench_index"
                + " from " + schema + ".domain_event_entry e where e.global_index <= ?"
                + " order by e.global_index limit ?) c";
    }

    private static long count(Connection connection, String schema) throws SQLException {
        return single(connection, "select count(*) from " + schema + ".domain_event_entry");
    }

    private static long maxIndex(Connection connection, String schema) throws SQLException {
        return single(connection, "select coalesce(max(global_index), 0) from " + schema + ".domain_event_entry");
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
