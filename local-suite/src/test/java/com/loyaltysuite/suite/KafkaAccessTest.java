package com.loyaltysuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.KafkaAccess;
import com.loyaltysuite.events.KafkaAccess.Principal;
import com.loyaltysuite.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The Kafka rights table ({@link KafkaAccess}) agrees with what each service declares it produces and
 * consumes, and the deployed ACL script is generated from it, so neither can drift.
 */
class KafkaAccessTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = Path.of("deploy", "kafka", "access.sh");

    /** Topics a service writes that its {@code loyalty.kafka.produces} does not list (declared in code). */
    private static final Map<String, List<String>> DECLARED_IN_CODE =
            Map.of("tier-service", List.of(Topics.MEMBER_TIERS), "member-service", List.of(Topics.MEMBER_KEYS, Topics.MEMBER_SEGMENTS));

    /**
     * Topics a service reads that its {@code loyalty.kafka.consumes} does not list: the members' data keys,
     * read by their own listener and never dead-lettered (ADR 9).
     */
    private static final Map<String, List<String>> READ_IN_CODE =
            Map.of("notification-service", List.of(Topics.MEMBER_KEYS), "benefit-service", List.of(Topics.MEMBER_KEYS));

    @Test
    void everyServiceMayReadWhatItConsumesAndWriteWhatItProducesAndNothingElse() throws IOException {
        for (String service : List.of("member", "points", "tier", "benefit", "notification")) {
            String name = service + "-service";
            Binder config = config(name + ".yml");
            Set<String> produces = new LinkedHashSet<>(list(config, "loyalty.kafka.produces"));
            produces.addAll(DECLARED_IN_CODE.getOrDefault(name, List.of()));
            // tier-service reads what its configured basis needs: every basis it offers is granted.
            Set<String> consumes = new LinkedHashSet<>(list(config, "loyalty.kafka.consumes"));
            config.bind("loyalty.tier.inputs", Bindable.mapOf(String.class, String.class))
                    .ifBound(inputs -> inputs.values().forEach(topics -> consumes.addAll(List.of(topics.split(",")))));
            Set<String> writes = new LinkedHashSet<>(produces);
            consumes.forEach(topic -> writes.add(Topics.deadLetterOf(topic)));
            Set<String> creates = new LinkedHashSet<>(produces);
            creates.addAll(consumes);
            creates.addAll(writes);
            consumes.addAll(READ_IN_CODE.getOrDefault(name, List.of()));
            creates.addAll(READ_IN_CODE.getOrDefault(name, List.of()));

            Principal principal = KafkaAccess.principal(name);
            assertThat(principal.reads()).as(name + " reads").containsExactlyInAnyOrderElementsOf(consumes);
            assertThat(principal.writes()).as(name + " writes").containsExactlyInAnyOrderElementsOf(writes);
            assertThat(principal.creates()).as(name + " creates").containsExactlyInAnyOrderElementsOf(creates);
            assertThat(principal.consumerGroup())
                    .as(name + " consumer group, as ServiceConventions names it")
                    .isEqualTo(
                            consumes.isEmpty()
                                    ? null
                                    : new ResourcePattern(ResourceType.GROUP, name, PatternType.LITERAL));
        }
    }

    @Test
    void onlyTheOrderSystemWritesTheOrderTopics() {
        for (Principal principal : KafkaAccess.PRINCIPALS) {
            boolean writesOrders = principal.writes().contains(Topics.ORDER_PAID)
                    || principal.writes().contains(Topics.ORDER_REFUNDED);
            assertThat(writesOrders).as(principal.name()).isEqualTo(principal == KafkaAccess.ORDER_SYSTEM);
        }
        assertThat(KafkaAccess.ORDER_SYSTEM.reads()).isEmpty();
        assertThat(KafkaAccess.ANALYTICS.writes()).isEmpty();
    }

    @Test
    void theDeployedAclScriptIsGeneratedFromTheTable() throws IOException {
        String expected = script();
        Path checkedIn = ROOT.resolve(SCRIPT);
        String actual = Files.exists(checkedIn) ? Files.readString(checkedIn) : "";
        if (!actual.equals(expected)) {
            Path generated = ROOT.resolve("local-suite/target/access.sh");
            Files.createDirectories(generated.getParent());
            Files.writeString(generated, expected);
            assertThat(actual)
                    .as(SCRIPT + " differs from KafkaAccess; the generated one is in local-suite/target/access.sh:"
                            + " cp local-suite/target/access.sh " + SCRIPT)
                    .isEqualTo(expected);
        }
    }

    @Test
    void composeGivesEveryPrincipalItsPasswordFromTheEnvironmentAndHasNoDefault() throws IOException {
        String example = Files.readString(ROOT.resolve("deploy/secrets.example.env"));
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        for (Principal principal : KafkaAccess.PRINCIPALS) {
            assertThat(example).as(principal.name()).contains("\n" + principal.passwordVariable() + "=\n");
            assertThat(compose).as(principal.name()).contains("${" + principal.passwordVariable() + ":?");
        }
    }

    /**
     * One {@code user} line per principal and one {@code allow} line per principal, operation and kind
     * of resource pattern; {@code init.sh} defines both commands.
     */
    static String script() {
        StringBuilder script = new StringBuilder()
                .append("# Generated from KafkaAccess (common-events) by KafkaAccessTest, which fails when the two\n")
                .append("# differ: change the table, not this file. Read by init.sh, which defines user and allow.\n");
        for (Principal principal : KafkaAccess.PRINCIPALS) {
            script.append('\n')
                    .append("user ")
                    .append(principal.name())
                    .append(' ')
                    .append(principal.passwordVariable())
                    .append('\n');
            Map<String, List<String>> lines = new LinkedHashMap<>();
            for (AclBinding binding : principal.aclBindings()) {
                ResourcePattern resource = binding.pattern();
                String key = operationName(binding) + patternOption(resource.patternType());
                lines.computeIfAbsent(key, k -> new ArrayList<>())
                        .add("--" + resource.resourceType().name().toLowerCase(Locale.ROOT) + " " + resource.name());
            }
            lines.forEach((key, resources) -> script.append("allow ")
                    .append(principal.name())
                    .append(' ')
                    .append(key)
                    .append(' ')
                    .append(String.join(" ", resources))
                    .append('\n'));
        }
        return script.toString();
    }

    private static String operationName(AclBinding binding) {
        String name = binding.entry().operation().name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String patternOption(PatternType type) {
        return type == PatternType.LITERAL ? "" : " --resource-pattern-type " + type.name().toLowerCase(Locale.ROOT);
    }

    private static Binder config(String resource) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load(resource, new ClassPathResource(resource))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return Binder.get(environment);
    }

    private static List<String> list(Binder config, String key) {
        return config.bind(key, Bindable.listOf(String.class)).orElse(List.of());
    }
}
