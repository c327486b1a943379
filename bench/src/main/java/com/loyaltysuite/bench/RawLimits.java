package com.loyaltysuite.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the same broker and database do with nothing of ours in the way, measured in the same run:
 * a plain producer and consumer on a scratch topic with the benchmark's own OrderPaid records
 * (acks=all), and PostgreSQL single-row autocommit inserts from four connections and batched inserts,
 * in a scratch database that is dropped afterwards.
 */
final class RawLimits {

    record Kafka(long records, double recordsPerSecond, double producerRecordsPerSecond, double averageRecordBytes) {}

    record Postgres(long commits, double commitsPerSecond, long batchedRows, double batchedRowsPerSecond, int threads,
            int batchSize) {}

    static final int PG_THREADS = 4;
    static final int PG_BATCH = 500;

    private RawLimits() {}

    static Kafka kafka(Admin admin, String bootstrap, String runTag, int partitions,
            List<ProducerRecord<String, byte[]>> samples, Duration duration) throws Exception {
        String topic = "bench.raw-limit." + runTag;
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 5,
                        ProducerConfig.BATCH_SIZE_CONFIG, 65_536),
                        new StringSerializer(), new ByteArraySerializer());
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.CLIENT_ID_CONFIG, "bench-raw-limit",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                assigned.add(new TopicPartition(topic, p));
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            assigned.forEach(consumer::position);

            long bytes = 0;
            for (ProducerRecord<String, byte[]> sample : samples) {
                bytes += sample.value().length + sample.key().length();
                for (var header : sample.headers()) {
                    bytes += header.key().length() + header.value().length;
                }
            }
            AtomicLong consumed = new AtomicLong();
            AtomicLong lastConsumedAt = new AtomicLong();
            AtomicLong target = new AtomicLong(Long.MAX_VALUE);
            ExecutorService reader = Executors.newSingleThreadExecutor();
            long deadlineForReader = System.nanoTime() + duration.toNanos() + TimeUnit.SECONDS.toNanos(60);
            Future<?> reading = reader.submit(() -> {
                while (consumed.get() < target.get() && System.nanoTime() < deadlineForReader) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                    if (!records.isEmpty()) {
                        consumed.addAndGet(records.count());
                        lastConsumedAt.set(System.nanoTime());
                    }
                }
                return null;
            });
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long sent = 0;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 1000; i++) {
                    ProducerRecord<String, byte[]> sample = samples.get((int) (sent % samples.size()));
                    producer.send(new ProducerRecord<>(topic, null, sample.key(), sample.value(), sample.headers()));
                    sent++;
                }
            }
            producer.flush();
            long flushed = System.nanoTime();
            target.set(sent);
            reading.get(90, TimeUnit.SECONDS);
            reader.shutdown();
            double seconds = (lastConsumedAt.get() - start) / 1e9;
            return new Kafka(consumed.get(), consumed.get() / seconds, sent / ((flushed - start) / 1e9),
                    (double) bytes / samples.size());
        } finally {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    static Postgres postgres(String suiteDbUrl, String user, String password, String runTag, byte[] payload,
            Duration duration) throws Exception {
        String server = serverUrl(suiteDbUrl);
        String database = "bench_raw_" + runTag;
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        try (Connection admin = DriverManager.getConnection(server + "postgres", props);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        try {
            Properties batched = new Properties(props);
            batched.setProperty("reWriteBatchedInserts", "true");
            String url = server + database;
            try (Connection connection = DriverManager.getConnection(url, props);
                    Statement statement = connection.createStatement()) {
                statement.execute("create table single_row (id bigint primary key, member_id text not null, payload bytea not null)");
                statement.execute("create table batched (id bigint primary key, member_id text not null, payload bytea not null)");
            }
            long commits = run(duration, thread -> {
                try (Connection connection = DriverManager.getConnection(url, props);
                        PreparedStatement insert = connection.prepareStatement(
                                "insert into single_row (id, member_id, payload) values (?, ?, ?)")) {
                    connection.setAutoCommit(true);
                    long n = 0;
                    long end = System.nanoTime() + duration.toNanos();
                    while (System.nanoTime() < end) {
                        insert.setLong(1, thread * 1_000_000_000_000L + n);
                        insert.setString(2, "M-" + (n % 100_000));
                        insert.setBytes(3, payload);
                        insert.executeUpdate();
                        n++;
                    }
                    return n;
                }
            });
            long rows = run(duration, thread -> {
                try (Connection connection = DriverManager.getConnection(url, batched);
                        PreparedStatement insert = connection.prepareStatement(
                                "insert into batched (id, member_id, payload) values (?, ?, ?)")) {
                    connection.setAutoCommit(false);
                    long n = 0;
                    long end = System.nanoTime() + duration.toNanos();
                    while (System.nanoTime() < end) {
                        for (int i = 0; i < PG_BATCH; i++) {
                            insert.setLong(1, thread * 1_000_000_000_000L + n);
                            insert.setString(2, "M-" + (n % 100_000));
                            insert.setBytes(3, payload);
                            insert.addBatch();
                            n++;
                        }
                        insert.executeBatch();
                        connection.commit();
                    }
                    return n;
                }
            });
            double seconds = duration.toNanos() / 1e9;
            return new Postgres(commits, commits / seconds, rows, rows / seconds, PG_THREADS, PG_BATCH);
        } finally {
            try (Connection admin = DriverManager.getConnection(server + "postgres", props);
                    Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    /** "jdbc:postgresql://host:port/" of a database URL, to reach other databases on the same server. */
    static String serverUrl(String databaseUrl) {
        int slash = databaseUrl.indexOf('/', "jdbc:postgresql://".length());
        return slash < 0 ? databaseUrl + "/" : databaseUrl.substring(0, slash + 1);
    }

    private interface Worker {
        long run(int thread) throws SQLException;
    }

    private static long run(Duration duration, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PG_THREADS);
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int t = 0; t < PG_THREADS; t++) {
                int thread = t;
                tasks.add(() -> worker.run(thread));
            }
            long total = 0;
            for (Future<Long> done : pool.invokeAll(tasks, duration.toSeconds() + 120, TimeUnit.SECONDS)) {
                total += done.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
