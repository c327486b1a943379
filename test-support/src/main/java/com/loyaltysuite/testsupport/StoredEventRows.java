package com.loyaltysuite.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Event-store rows recorded by an earlier release (a JSON array in test resources: type names,
 * payloads and all), appended to {@code domain_event_entry} exactly as they were written, so a test can
 * show that they still load.
 */
public final class StoredEventRows {

    private StoredEventRows() {}

    public static void append(DataSource dataSource, Class<?> test, String resource) {
        JsonNode rows;
        try (InputStream in = test.getResourceAsStream(resource)) {
            rows = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                                + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (JsonNode row : rows) {
                insert.setString(1, row.get("eventIdentifier").asText());
                insert.setString(2, row.get("aggregateIdentifier").asText());
                insert.setLong(3, row.get("sequenceNumber").asLong());
                insert.setString(4, row.get("aggregateType").textValue());
                insert.setString(5, row.get("timeStamp").asText());
                insert.setString(6, row.get("payloadType").asText());
                insert.setString(7, row.get("payloadRevision").textValue());
                insert.setBytes(8, row.get("payload").toString().getBytes(StandardCharsets.UTF_8));
                insert.setBytes(9, row.get("metaData").toString().getBytes(StandardCharsets.UTF_8));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append the rows of " + resource, e);
        }
    }
}
