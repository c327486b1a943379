package com.loyaltysuite.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the suite's topics, when the broker authorizes (deployed runs): each principal
 * below is one Kafka user (SASL/SCRAM), and the broker grants it exactly these rights; with
 * {@code allow.everyone.if.no.acl.found=false}, anything not listed is refused. The deployed ACL script
 * ({@code deploy/kafka/access.sh}) is generated from this table and a test keeps the two equal; the
 * ACL integration test grants {@link #aclBindings()} to a real broker.
 *
 * <p>A service's rights follow from what it declares under {@code loyalty.kafka}: it writes what it
 * produces and the dead-letter topic of each topic it consumes, reads what it consumes in its own
 * consumer group (its name; none if it consumes nothing), and may create all of these (it declares
 * them at start-up). Only the order system writes the order topics; their {@code .DLT} topics are written by the services that consume
 * them. The super users ({@code admin} for operators and the broker's own listener, {@code controller}
 * for the controller listener) are configured on the broker, not here. No service uses transactional
 * ids, so none are granted.
 */
public final class KafkaAccess {

    /** The other team's order system: the one writer of the order topics. */
    public static final Principal ORDER_SYSTEM =
            new Principal("order-system", List.of(Topics.ORDER_PAID, Topics.ORDER_REFUNDED), List.of(), List.of(), null);

    /**
     * Reads the order topics for RFM segments and anomaly monitoring, and its own member topic for the
     * status a payment is checked against. Also the one writer of the members' data keys (ADR 9).
     */
    public static final Principal MEMBER_SERVICE = service(
            "member-service",
            List.of(Topics.MEMBERS, Topics.MEMBER_KEYS, Topics.MEMBER_SEGMENTS, Topics.ANOMALIES),
            List.of(Topics.ORDER_PAID, Topics.ORDER_REFUNDED, Topics.MEMBERS));

    public static final Principal POINTS_SERVICE = service(
            "points-service",
            List.of(Topics.POINTS),
            List.of(Topics.ORDER_PAID, Topics.ORDER_REFUNDED, Topics.TIERS, Topics.MEMBERS));

    /** Reads the order topics or the points topic, whichever {@code loyalty.tier.basis} chooses: both are granted. */
    public static final Principal TIER_SERVICE = service(
            "tier-service",
            List.of(Topics.TIERS, Topics.MEMBER_TIERS),
            List.of(Topics.ORDER_PAID, Topics.ORDER_REFUNDED, Topics.POINTS));

    /** Opens the sealed birthday of member events, so it also reads the members' data keys (ADR 9). */
    public static final Principal BENEFIT_SERVICE = service(
                    "benefit-service", List.of(Topics.BENEFITS), List.of(Topics.TIERS, Topics.MEMBERS))
            .alsoReadingKeys();

    /** Keeps contact data, so it also reads the members' data keys (without a dead-letter topic for them). */
    public static final Principal NOTIFICATION_SERVICE = service(
                    "notification-service",
                    List.of(Topics.NOTIFICATIONS),
                    List.of(Topics.MEMBERS, Topics.TIERS, Topics.POINTS, Topics.BENEFITS, Topics.ANOMALIES))
            .alsoReadingKeys();

    /**
     * An example of another team: reads the public tier topics (never the members' data keys: only the
     * services above that open personal data read those), in any consumer group whose id starts
     * with {@code analytics-}, and writes nothing.
     */
    public static final Principal ANALYTICS = new Principal(
            "analytics",
            List.of(),
            List.of(Topics.TIERS, Topics.MEMBER_TIERS),
            List.of(),
            new ResourcePattern(ResourceType.GROUP, "analytics-", PatternType.PREFIXED));

    /** Every principal, the order system first, the services in the order the data flows. */
    public static final List<Principal> PRINCIPALS = List.of(
            ORDER_SYSTEM, MEMBER_SERVICE, POINTS_SERVICE, TIER_SERVICE, BENEFIT_SERVICE, NOTIFICATION_SERVICE, ANALYTICS);

    private KafkaAccess() {}

    /** Every ACL of every principal: what a broker with this table in force holds. */
    public static List<AclBinding> aclBindings() {
        return PRINCIPALS.stream().flatMap(p -> p.aclBindings().stream()).toList();
    }

    public static Principal principal(String name) {
        return PRINCIPALS.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Kafka principal " + name));
    }

    /**
     * One Kafka user and its rights.
     *
     * @param name the SASL user name; the ACL principal is {@code User:<name>}
     * @param writes topics it may write
     * @param reads topics it may read
     * @param creates topics it may create (and, like every topic it reads or writes, describe)
     * @param consumerGroup the consumer group(s) it may join and commit offsets in, or {@code null}
     */
    public record Principal(
            String name, List<String> writes, List<String> reads, List<String> creates, ResourcePattern consumerGroup) {

        public Principal {
            writes = List.copyOf(writes);
            reads = List.copyOf(reads);
            creates = List.copyOf(creates);
        }

        /**
         * Also reads (and may create) {@code loyalty.member-keys.v1}, and has no dead-letter topic for it:
         * a data key must never be copied to a topic that is not compacted (ADR 9).
         */
        Principal alsoReadingKeys() {
            List<String> newReads = new ArrayList<>(reads);
            newReads.add(Topics.MEMBER_KEYS);
            List<String> newCreates = new ArrayList<>(creates);
            newCreates.add(Topics.MEMBER_KEYS);
            return new Principal(name, writes, newReads, newCreates, consumerGroup);
        }

        public String kafkaPrincipal() {
            return "User:" + name;
        }

        /** The environment variable that carries this principal's password in deployed runs. */
        public String passwordVariable() {
            return "KAFKA_PASSWORD_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        }

        public List<AclBinding> aclBindings() {
            List<AclBinding> bindings = new ArrayList<>();
            writes.forEach(topic -> bindings.add(allow(topic(topic), AclOperation.WRITE)));
            reads.forEach(topic -> bindings.add(allow(topic(topic), AclOperation.READ)));
            creates.forEach(topic -> bindings.add(allow(topic(topic), AclOperation.CREATE)));
            if (consumerGroup != null) {
                bindings.add(allow(consumerGroup, AclOperation.READ));
            }
            return bindings;
        }

        private AclBinding allow(ResourcePattern resource, AclOperation operation) {
            return new AclBinding(
                    resource, new AccessControlEntry(kafkaPrincipal(), "*", operation, AclPermissionType.ALLOW));
        }

        private static ResourcePattern topic(String name) {
            return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
        }
    }

    /** A service's rights, from what it produces and consumes (see the class comment). */
    private static Principal service(String name, List<String> produces, List<String> consumes) {
        List<String> deadLetters = consumes.stream().map(Topics::deadLetterOf).toList();
        List<String> writes = distinct(produces.stream(), deadLetters.stream());
        List<String> creates = distinct(produces.stream(), consumes.stream(), deadLetters.stream());
        ResourcePattern group =
                consumes.isEmpty() ? null : new ResourcePattern(ResourceType.GROUP, name, PatternType.LITERAL);
        return new Principal(name, writes, consumes, creates, group);
    }

    @SafeVarargs
    private static List<String> distinct(Stream<String>... topics) {
        Set<String> all = new LinkedHashSet<>();
        Stream.of(topics).flatMap(s -> s).forEach(all::add);
        return List.copyOf(all);
    }
}
