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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests in deploy/k8s, rendered as a cluster would get them ({@code kubectl
 * kustomize}): every Deployment has probes on the actuator health groups, resource requests and
 * limits, and runs as a non-root user on a read-only root filesystem; every service has its
 * PodDisruptionBudget and is scraped.
 */
class DeploymentManifestsTest {

    private static final Path K8S = Path.of("..", "deploy", "k8s").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.copyOf(LoyaltySuite.SERVICES.keySet()).stream()
            .map(name -> name + "-service")
            .toList();

    @ParameterizedTest
    @ValueSource(strings = {"single-node", "production"})
    void everyDeploymentOfAnOverlayIsProbedLimitedAndUnprivileged(String overlay) throws Exception {
        List<Map<String, Object>> documents = render(K8S.resolve("overlays").resolve(overlay));

        List<Map<String, Object>> deployments = ofKind(documents, "Deployment");
        assertThat(deployments).extracting(DeploymentManifestsTest::name).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Map<String, Object> deployment : deployments) {
            String name = name(deployment);
            Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
            Map<String, Object> container = list(pod, "containers").get(0);
            assertThat(path(container, "livenessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "readinessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(path(container, "resources", "requests", "cpu")).as(name).isNotNull();
            assertThat(path(container, "resources", "requests", "memory")).as(name).isNotNull();
            assertThat(path(container, "resources", "limits", "memory")).as(name).isNotNull();
            assertThat(path(container, "resources", "limits", "cpu")).as(name).isNotNull();
            assertThat(path(pod, "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
            assertThat(path(container, "securityContext", "allowPrivilegeEscalation")).as(name).isEqualTo(false);
            assertThat(path(container, "securityContext", "readOnlyRootFilesystem")).as(name).isEqualTo(true);
            assertThat(path(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/scrape"))
                    .as(name)
                    .isEqualTo("true");
            assertThat(list(container, "env").stream().map(env -> env.get("name")))
                    .as(name)
                    .contains("LOYALTY_DB_PASSWORD", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        }
        assertThat(ofKind(documents, "PodDisruptionBudget")).extracting(DeploymentManifestsTest::name)
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(ofKind(documents, "Service")).extracting(DeploymentManifestsTest::name)
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(ofKind(documents, "Secret")).as("secrets are created by the operator, never committed").isEmpty();
    }

    @Test
    void productionRunsSeveralReplicasWithThreeCopiesOfEachTopic() throws Exception {
        List<Map<String, Object>> documents = render(K8S.resolve("overlays").resolve("production"));

        assertThat(ofKind(documents, "Deployment"))
                .allSatisfy(deployment -> assertThat((Integer) path(deployment, "spec", "replicas"))
                        .as(name(deployment))
                        .isGreaterThanOrEqualTo(2));
        Map<String, Object> config = ofKind(documents, "ConfigMap").get(0);
        assertThat(path(config, "data", "LOYALTY_KAFKA_REPLICAS")).isEqualTo("3");
    }

    /** {@code kubectl kustomize}, as {@code kubectl apply -k} would build it; skipped where kubectl is not installed. */
    private static List<Map<String, Object>> render(Path overlay) throws IOException, InterruptedException {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            assumeTrue(false, "kubectl is not installed here: the manifests are rendered where it is");
            throw notInstalled;
        }
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(out).isZero();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(out)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) document;
            documents.add(map);
        }
        assertThat(Files.isDirectory(overlay)).isTrue();
        return documents;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static String name(Map<String, Object> document) {
        return (String) map(document, "metadata").get("name");
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Object at = root;
        for (String key : keys) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(key);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> root, String key) {
        return (Map<String, Object>) root.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> root, String key) {
        return (List<Map<String, Object>>) root.get(key);
    }
}
