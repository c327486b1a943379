package com.loyaltysuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.KafkaAccess;
import com.loyaltysuite.events.KafkaAccess.Principal;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.order.OrderPaid;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.points.PointsServiceApplication;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The deployed broker's security, for real. A broker starts from {@code deploy/kafka/server.properties}
 * itself (only its addresses and log directory changed): SASL/SCRAM listeners, the StandardAuthorizer,
 * no ACL no access, the super users' passwords read from the environment (Failsafe sets
 * {@code KAFKA_ADMIN_PASSWORD} and {@code KAFKA_CONTROLLER_PASSWORD}). The super user, connecting with
 * {@code deploy/kafka/admin.properties}, creates every principal of {@link KafkaAccess} and its ACLs, as
 * the compose init job does. points-service then runs with its own credentials, given to it as
 * environment variables only, as compose gives them.
 */
class KafkaAclIT {

    private static final Path DEPLOY = Path.of("..", "deploy", "kafka");
    private static final String SCRAM = "SCRAM-SHA-256";

    static LocalKafka broker;
    static final Map<String, String> passwords = new HashMap<>();
    static ConfigurableApplicationContext pointsService;

    @BeforeAll
    static void startBrokerAndPointsService() throws Exception {
        int external = LocalKafka.freePort();
        int internal = LocalKafka.freePort();
        int controller = LocalKafka.freePort();
        Properties server = load(DEPLOY.resolve("server.properties"));
        server.put("listeners", "INTERNAL://127.0.0.1:" + internal + ",EXTERNAL://127.0.0.1:" + external
                + ",CONTROLLER://127.0.0.1:" + controller);
        server.put("advertised.listeners", "INTERNAL://127.0.0.1:" + internal + ",EXTERNAL://127.0.0.1:" + external);
        server.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        broker = LocalKafka.start(
                external,
                server,
                List.of(SCRAM + "=[name=admin,password=" + Objects.requireNonNull(
                        System.getenv("KAFKA_ADMIN_PASSWORD"), "KAFKA_ADMIN_PASSWORD (set by Failsafe)") + "]"));

        try (Admin admin = Admin.create(admin())) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (Principal principal : KafkaAccess.PRINCIPALS) {
                String password = UUID.randomUUID().toString();
                passwords.put(principal.name(), password);
                users.add(new UserScramCredentialUpsertion(
                        principal.name(), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password));
            }
            admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(KafkaAccess.aclBindings()).all().get(30, TimeUnit.SECONDS);
            // The broker answers both from its copy of the metadata: wait until it has applied them.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> admin.describeAcls(AclBindingFilter.ANY).values().get().size()
                            == KafkaAccess.aclBindings().size());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> admin.describeUserScramCredentials().users().get().containsAll(passwords.keySet()));
        }

        pointsService = startAs(KafkaAccess.POINTS_SERVICE, PointsServiceApplication.class);
    }

    @AfterAll
    static void stop() {
        if (pointsService != null) {
            pointsService.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void pointsServiceEarnsPointsForAnOrderThatTheOrderSystemPublished() throws Exception {
        String member = "M-acl-" + UUID.randomUUID();
        String eventId = publishOrderPaid(member, Money.of("300.00", "CNY"));

        ConsumerRecord<String, byte[]> earned = awaitRecord(client(KafkaAccess.NOTIFICATION_SERVICE), Topics.POINTS, member);

        assertThat(CloudEventCodec.fromRecord(earned).data()).isInstanceOfSatisfying(PointsEarned.class, points -> {
            assertThat(points.points()).isEqualTo(300);
            assertThat(points.causationId()).isEqualTo(eventId);
        });
    }

    @Test
    void pointsServiceDeadLettersAnOrderTopicThatOnlyTheOrderSystemMayWrite() throws Exception {
        String member = "M-acl-" + UUID.randomUUID();
        publishOrderPaid(member, Money.of("300.00", "USD")); // earns nothing: a rule refuses it

        ConsumerRecord<String, byte[]> deadLetter = awaitRecord(admin(), Topics.deadLetterOf(Topics.ORDER_PAID), member);

        assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("USD");
    }

    @Test
    void aPrincipalWithoutWriteAccessCannotPublishAnOrder() {
        ProducerRecord<String, byte[]> forged = new ProducerRecord<>(Topics.ORDER_PAID, "M-forged", new byte[] {'{', '}'});

        assertThatThrownBy(() -> send(KafkaAccess.POINTS_SERVICE, forged))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        // analytics may write nothing at all, so the broker refuses even its producer id.
        assertThatThrownBy(() -> send(KafkaAccess.ANALYTICS, forged))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(AuthorizationException.class);
    }

    @Test
    void aPrincipalMayReadOnlyWhatItConsumesAndOnlyInItsOwnGroups() throws Exception {
        assertThat(pollError(KafkaAccess.ANALYTICS, Topics.POINTS, "analytics-reports"))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(pollError(KafkaAccess.BENEFIT_SERVICE, Topics.ORDER_PAID, "benefit-service"))
                .isInstanceOf(TopicAuthorizationException.class);

        // tier-service creates and writes the compacted tier topic; analytics reads it in a group of its own.
        try (Admin tierService = Admin.create(client(KafkaAccess.TIER_SERVICE))) {
            tierService.createTopics(List.of(new NewTopic(Topics.MEMBER_TIERS, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        String member = "M-acl-" + UUID.randomUUID();
        send(KafkaAccess.TIER_SERVICE, new ProducerRecord<>(Topics.MEMBER_TIERS, member, new byte[] {'{', '}'}));
        try (KafkaConsumer<String, byte[]> analytics = consumer(KafkaAccess.ANALYTICS, "analytics-reports")) {
            analytics.subscribe(List.of(Topics.MEMBER_TIERS));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                analytics.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> member.equals(r.key()));
            });
        }
        assertThat(pollError(KafkaAccess.ANALYTICS, Topics.MEMBER_TIERS, "tier-service"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> impostor = client(KafkaAccess.ORDER_SYSTEM);
        impostor.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(KafkaAccess.ORDER_SYSTEM.name(), "guessed"));

        assertThatThrownBy(() -> {
                    try (Admin admin = Admin.create(impostor)) {
                        admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
                    }
                })
                .hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    /** Starts a service as compose does: its Kafka credentials in environment variables, nothing else. */
    private static ConfigurableApplicationContext startAs(Principal principal, Class<?> application) {
        Map<String, Object> environment = Map.of(
                // Compose sets LOYALTY_KAFKA_BOOTSTRAP; here the test harness's own bootstrap setting
                // (the shared broker) must be outranked, which only Spring's own name does.
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", SCRAM,
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", jaas(principal.name(), passwords.get(principal.name())));
        SpringApplication app = new SpringApplicationBuilder(application)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .build();
        app.addListeners(new EnvironmentVariables(environment));
        return app.run("--server.port=0", "--logging.register-shutdown-hook=false");
    }

    /**
     * Adds the variables as the environment's top source once every initializer has run (the test
     * harness's initializer points services at the shared broker), under a name that makes Spring bind
     * them as it binds real environment variables.
     */
    private record EnvironmentVariables(Map<String, Object> variables)
            implements ApplicationListener<ApplicationPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationPreparedEvent event) {
            event.getApplicationContext()
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(new SystemEnvironmentPropertySource("kafkaAcl-systemEnvironment", variables));
        }
    }

    private static String publishOrderPaid(String member, Money amount) throws Exception {
        String eventId = UUID.randomUUID().toString();
        Instant paidAt = Instant.parse("2026-11-23T10:00:00Z");
        OrderPaid order = new OrderPaid(
                OrderId.of("O-" + member), MemberId.of(member), null, amount, paidAt, "APP", List.of());
        send(
                KafkaAccess.ORDER_SYSTEM,
                CloudEventCodec.toRecord(new EventEnvelope<>(
                        eventId, URI.create("/order-system"), OffsetDateTime.ofInstant(paidAt, ZoneOffset.UTC), order)));
        return eventId;
    }

    private static void send(Principal principal, ProducerRecord<String, byte[]> record) throws Exception {
        Map<String, Object> config = client(principal);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the start, without a consumer group, until a record with the key comes. */
    private static ConsumerRecord<String, byte[]> awaitRecord(Map<String, Object> config, String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                if (consumer.assignment().isEmpty()) {
                    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> key.equals(r.key()));
            });
            return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        }
    }

    /** Subscribes in {@code group} and polls until the broker refuses; returns its refusal. */
    private static Exception pollError(Principal principal, String topic, String group) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(principal, group)) {
            consumer.subscribe(List.of(topic));
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(200));
                    return null;
                } catch (AuthorizationException e) {
                    return e;
                }
            }, Objects::nonNull);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(Principal principal, String group) {
        Map<String, Object> config = client(principal);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<String, Object> client(Principal principal) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, SCRAM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(principal.name(), passwords.get(principal.name())));
        return config;
    }

    /** The super user, configured as the compose tools are: deploy/kafka/admin.properties. */
    private static Map<String, Object> admin() {
        Map<String, Object> config = new HashMap<>();
        load(DEPLOY.resolve("admin.properties")).forEach((k, v) -> config.put((String) k, v));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return config;
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
