package com.loyaltysuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml, as Compose resolves it ({@code docker-compose config}, Debian package
 * docker-compose; skipped where it is not installed) with every secret of deploy/secrets.example.env
 * given a value: both profiles are valid; every container has a memory limit; the services are
 * health-checked on their readiness group; the cluster profile adds two brokers, and with
 * {@code KAFKA_REPLICAS=3} brokers and services use replication factor 3.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"", "cluster"})
    void eachProfileIsValidAndEveryContainerIsLimited(String profile, @TempDir Path dir) throws Exception {
        Map<String, Map<String, Object>> services = services(config(profile, dir, "config"));

        assertThat(services).allSatisfy((name, service) -> assertThat(service).as(name).containsKey("mem_limit"));
        // docker-compose 1.x lists every service whatever the profile; brokers 2 and 3 are the cluster's.
        assertThat(services).containsKeys("kafka", "kafka-2", "kafka-3");
        assertThat(services.get("kafka")).doesNotContainKey("profiles");
        assertThat(services.get("kafka-2").get("profiles")).isEqualTo(List.of("cluster"));
        assertThat(services.get("kafka-3").get("profiles")).isEqualTo(List.of("cluster"));
        String replicas = profile.isEmpty() ? "1" : "3";
        assertThat(String.valueOf(environment(services.get("kafka")).get("KAFKA_REPLICAS"))).isEqualTo(replicas);
        for (String service : LoyaltySuite.SERVICES.keySet()) {
            Map<String, Object> one = services.get(service + "-service");
            assertThat(String.valueOf(one.get("healthcheck"))).as(service).contains("/actuator/health/readiness");
            assertThat(String.valueOf(environment(one).get("LOYALTY_KAFKA_REPLICAS"))).as(service).isEqualTo(replicas);
        }
        assertThat(services).containsKeys("postgres", "mailpit", "sms-catcher", "prometheus", "grafana");
        assertThat(environment(services.get("grafana"))).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false");
    }

    @Test
    void theProfilesPassComposesOwnCheck(@TempDir Path dir) throws Exception {
        assertThat(config("", dir, "config", "-q")).isEmpty();
        assertThat(config("cluster", dir, "config", "-q")).isEmpty();
    }

    @Test
    void theServiceImageRunsAsAnUnprivilegedUserWithAHeapWithinItsLimit() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("deploy/Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^USER loyalty$").contains("-XX:MaxRAMPercentage=");
    }

    /** docker-compose with a throwaway .env; the cluster profile with KAFKA_REPLICAS=3, as documented. */
    private static String config(String profile, Path dir, String... command) throws Exception {
        Path env = dir.resolve("test.env");
        String secrets = Files.readAllLines(ROOT.resolve("deploy/secrets.example.env")).stream()
                .filter(line -> line.matches("[A-Z0-9_]+=.*"))
                .map(line -> line.substring(0, line.indexOf('=')) + "=test-secret-0123456789")
                .collect(Collectors.joining("\n"));
        Files.writeString(env, secrets + "\n");
        List<String> args = new ArrayList<>(List.of("docker-compose", "--env-file", env.toString()));
        if (!profile.isEmpty()) {
            args.addAll(List.of("--profile", profile));
        }
        args.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args).directory(ROOT.toFile());
        builder.environment().remove("COMPOSE_PROFILES");
        builder.environment().put("KAFKA_REPLICAS", profile.isEmpty() ? "1" : "3");
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            assumeTrue(false, "docker-compose is not installed here (Debian package docker-compose)");
            throw notInstalled;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String config) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(config);
        return (Map<String, Map<String, Object>>) document.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }
}
