package com.loyaltysuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana boards in deploy/grafana/dashboards, without a running suite: each parses, uses the
 * provisioned Prometheus data source, has a query on every panel, and every query is PromQL that
 * Prometheus's own parser accepts ({@code promtool check rules} on a recording rule per query). Whether
 * the queries return data is for deploy/prometheus/prove-boards.sh, against a real scrape.
 */
class GrafanaDashboardsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DASHBOARDS = ROOT.resolve("deploy/grafana/dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOYALTY_METRIC = Pattern.compile("\\bloyalty_[a-z_]+");

    @Test
    void thereIsABusinessBoardAPipelineBoardAndOnePerService() throws IOException {
        List<String> uids = new ArrayList<>();
        for (Path board : boards()) {
            uids.add(JSON.readTree(board.toFile()).path("uid").asText());
        }
        List<String> expected = new ArrayList<>(List.of("loyalty-business", "loyalty-pipeline"));
        LoyaltySuite.SERVICES.keySet().forEach(service -> expected.add("loyalty-" + service));
        assertThat(uids).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyPanelQueriesTheProvisionedPrometheus() throws IOException {
        String provisioned = Files.readString(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(provisioned).contains("uid: prometheus");
        for (Path board : boards()) {
            for (JsonNode panel : panels(JSON.readTree(board.toFile()))) {
                String where = board.getFileName() + " / " + panel.path("title").asText();
                assertThat(panel.path("datasource").path("uid").asText()).as(where).isEqualTo("prometheus");
                assertThat(panel.path("targets")).as(where).isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asText()).as(where).isNotBlank();
                    assertThat(target.path("datasource").path("uid").asText()).as(where).isEqualTo("prometheus");
                }
            }
        }
    }

    @Test
    void everyQueryParses(@TempDir Path dir) throws Exception {
        Map<String, String> queries = queries();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        int i = 0;
        for (String expr : queries.values()) {
            // A board's variables as prove-boards.sh substitutes them.
            String substituted = expr.replace("$__rate_interval", "10m").replace("$application", ".*");
            rules.append("      - record: dashboard:query_").append(i++).append("\n        expr: ")
                    .append(JSON.writeValueAsString(substituted)).append('\n');
        }
        Path file = dir.resolve("dashboards.rules.yml");
        Files.writeString(file, rules);

        Process process;
        try {
            process = new ProcessBuilder("promtool", "check", "rules", file.toString()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            assumeTrue(false, "promtool is not installed here (Debian package prometheus)");
            return;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS: " + queries.size() + " rules found");
    }

    @Test
    void everyLoyaltyMetricOnABoardOrInAnAlertIsInTheMetricsTable() throws IOException {
        String operations = Files.readString(ROOT.resolve("docs/operations.md"));
        Set<String> named = new TreeSet<>();
        List<String> texts = new ArrayList<>(queries().values());
        texts.add(Files.readString(ROOT.resolve("deploy/prometheus/alerts.yml")));
        for (String text : texts) {
            Matcher m = LOYALTY_METRIC.matcher(text);
            while (m.find()) {
                named.add(m.group().replaceAll("_(bucket|count|sum)$", ""));
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(named).allSatisfy(metric -> assertThat(operations).as("docs/operations.md names " + metric).contains("`" + metric));
    }

    private static Map<String, String> queries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        for (Path board : boards()) {
            for (JsonNode panel : panels(JSON.readTree(board.toFile()))) {
                for (JsonNode target : panel.path("targets")) {
                    queries.put(board.getFileName() + " / " + panel.path("title").asText() + " / "
                            + target.path("refId").asText(), target.path("expr").asText());
                }
            }
        }
        return queries;
    }

    private static List<JsonNode> panels(JsonNode board) {
        List<JsonNode> panels = new ArrayList<>();
        List<JsonNode> todo = new ArrayList<>();
        board.path("panels").forEach(todo::add);
        while (!todo.isEmpty()) {
            JsonNode panel = todo.remove(0);
            panel.path("panels").forEach(todo::add);
            if (!"row".equals(panel.path("type").asText())) {
                panels.add(panel);
            }
        }
        assertThat(panels).isNotEmpty();
        return panels;
    }

    private static List<Path> boards() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
