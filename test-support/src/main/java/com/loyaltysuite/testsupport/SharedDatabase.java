package com.loyaltysuite.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for this test JVM, dropped when the JVM exits, so tests never depend
 * on data left behind. The server is, in this order: {@code LOYALTY_DB_URL} (with
 * {@code LOYALTY_DB_USER}/{@code LOYALTY_DB_PASSWORD}; the user needs CREATEDB), a Testcontainers
 * PostgreSQL when a Docker engine is reachable, else the local server at 127.0.0.1:5432.
 */
public final class SharedDatabase {

    public record Coordinates(String url, String username, String password) {}

    private static Coordinates coordinates;

    private SharedDatabase() {}

    public static synchronized Coordinates coordinates() {
        if (coordinates == null) {
            coordinates = createDatabase(server());
        }
        return coordinates;
    }

    private static Coordinates server() {
        String url = System.getenv("LOYALTY_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Coordinates(url, env("LOYALTY_DB_USER", "postgres"), env("LOYALTY_DB_PASSWORD", ""));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-shutdown"));
            return new Coordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return new Coordinates("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
    }

    private static Coordinates createDatabase(Coordinates server) {
        String name = "loyalty_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, "create database " + name);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> execute(server, "drop database if exists " + name + " with (force)"), "test-db-drop"));
        return new Coordinates(withDatabase(server.url(), name), server.username(), server.password());
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static void execute(Coordinates server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed (" + sql + ") on " + server.url(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
