package com.loyaltysuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus config and alert rules in deploy/prometheus, checked and unit-tested by Prometheus's
 * own {@code promtool} (Debian's {@code prometheus} package; {@code .ci/run} installs it). Each alert's
 * firing and silence is specified in {@code alerts.test.yml}.
 */
class PrometheusRulesTest {

    private static final Path PROMETHEUS = Path.of("..", "deploy", "prometheus").toAbsolutePath().normalize();

    @Test
    void theConfigAndTheRulesAreValid() throws Exception {
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS");
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresWhenItShouldAndOnlyThen() throws Exception {
        assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command(args)).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            assumeTrue(false, "promtool is not installed here (Debian package prometheus)");
            throw notInstalled;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private static List<String> command(String... args) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("promtool"), java.util.Arrays.stream(args))
                .toList();
    }
}
