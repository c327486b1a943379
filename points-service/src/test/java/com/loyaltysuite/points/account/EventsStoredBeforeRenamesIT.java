package com.loyaltysuite.points.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.points.PointsTestClock;
import com.loyaltysuite.points.adjustment.AdjustPoints;
import com.loyaltysuite.points.earning.MakePointsAvailable;
import com.loyaltysuite.points.earning.RecordEarning;
import com.loyaltysuite.points.earning.RecordTierChange;
import com.loyaltysuite.points.earning.TierChangeRecorded;
import com.loyaltysuite.points.expiry.ExpireDuePoints;
import com.loyaltysuite.points.expiry.ExpiryPolicy;
import com.loyaltysuite.points.expiry.ExpiryProperties;
import com.loyaltysuite.points.expiry.WarnOfExpiringPoints;
import com.loyaltysuite.points.redemption.ConfirmReservation;
import com.loyaltysuite.points.redemption.ReservePoints;
import com.loyaltysuite.points.refund.ReverseRefund;
import com.loyaltysuite.testsupport.aggregates.AggregateHarness;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A points account whose events were stored before they were renamed and moved to their feature
 * packages. {@code history/points-account-before-renames.json} holds them as the code of that time
 * serialized them, under its class names, with the lot ledger they left and the events a few more
 * commands then produced. Stored as such rows, they load through the service's event store (its
 * {@code RenamedEvents}) into the same account, which then decides the same commands alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(PointsTestClock.class)
class EventsStoredBeforeRenamesIT {

    static final String RECORDED_MEMBER = "M-7";
    static final String FORMER_PACKAGE = "com.loyaltysuite.points.account.";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStorageEngine events;

    @Autowired
    CommandGateway commands;

    @Autowired
    ObjectMapper json;

    @Test
    void eventsStoredUnderTheirFormerNamesRebuildTheAccountThatThenDecidesAsBefore() throws IOException {
        JsonNode recorded = recording();
        String member = "M-before-renames-" + UUID.randomUUID();
        List<JsonNode> stored = new ArrayList<>();
        recorded.get("events").forEach(stored::add);
        assertThat(stored).extracting(e -> e.get("payloadType").asText()).allMatch(type -> type.startsWith(FORMER_PACKAGE));
        for (int sequence = 0; sequence < stored.size(); sequence++) {
            storeAsAnOlderReleaseDid(member, sequence, stored.get(sequence));
        }

        List<? extends DomainEventMessage<?>> loaded = events.readEvents(member).asStream().toList();

        assertThat(loaded).hasSameSizeAs(stored);
        assertThat(loaded).allSatisfy(e -> assertThat(e.getPayloadType().getPackageName()).isNotEqualTo("com.loyaltysuite.points.account"));
        assertThat(loaded.get(0).getPayload()).isInstanceOf(TierChangeRecorded.class);
        PointsAccount account = AggregateHarness.replay(PointsAccount.class, loaded);
        assertThat(comparable(account.ledger().snapshot())).isEqualTo(comparable(recorded.get("ledgerAfter")));
        assertThat(account.memberId).isEqualTo(MemberId.of(member));

        for (Object command : nextCommands(MemberId.of(member))) {
            commands.sendAndWait(command);
        }

        List<JsonNode> decided = events.readEvents(member, stored.size()).asStream()
                .map(e -> comparable(e.getPayload()))
                .toList();
        List<JsonNode> decidedBefore = new ArrayList<>();
        recorded.get("nextDecisions").forEach(e -> decidedBefore.add(comparable(withMember(e.get("payload"), member))));
        assertThat(decided).hasSize(11).isEqualTo(decidedBefore);
    }

    /** The commands that produced {@code nextDecisions} (the same business times, the current names). */
    static List<Object> nextCommands(MemberId member) {
        Instant t1 = Instant.parse("2029-01-10T10:00:00Z");
        Instant o5Expires = new ExpiryPolicy(ExpiryProperties.defaults()).expiresAt(t1);
        return List.of(
                earn(member, "O-5", "120.00", t1),
                refund(member, "O-5", "R-5", "30.00", t1.plus(Duration.ofDays(1))),
                new MakePointsAvailable(member, OrderId.of("O-5"), t1.plus(Duration.ofDays(7))),
                new ReservePoints(member, "RS-7", "CO-RS-7", 20, t1.plus(Duration.ofDays(7))),
                new ConfirmReservation(member, "RS-7", t1.plus(Duration.ofDays(7)).plusSeconds(30)),
                new AdjustPoints(member, "ADJ-3", -20, "correction", "agent-9", t1.plus(Duration.ofDays(8))),
                refund(member, "O-1", "R-1b", "10.00", t1.plus(Duration.ofDays(9))),
                new RecordTierChange(member, "default", "DIAMOND", t1.plus(Duration.ofDays(20)), "tier-3"),
                earn(member, "O-6", "99.99", t1.plus(Duration.ofDays(30))),
                new WarnOfExpiringPoints(member, o5Expires, o5Expires.minus(Duration.ofDays(30))),
                new ExpireDuePoints(member, Instant.parse("2030-06-01T00:00:00Z")));
    }

    private static RecordEarning earn(MemberId member, String orderId, String amount, Instant paidAt) {
        return new RecordEarning(
                member, "default", OrderId.of(orderId), Money.of(amount, "CNY"), paidAt, "APP", List.of(), "evt-" + orderId);
    }

    private static ReverseRefund refund(MemberId member, String orderId, String refundId, String amount, Instant at) {
        return new ReverseRefund(
                member, "default", OrderId.of(orderId), refundId, Money.of(amount, "CNY"), at, "evt-" + refundId);
    }

    /** A row as the event store wrote it before the rename: the former class name, the JSON of then. */
    private void storeAsAnOlderReleaseDid(String member, long sequence, JsonNode event) {
        jdbc.update(
                "insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (?, ?, ?, 'PointsAccount', ?, ?, null, convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))",
                UUID.randomUUID().toString(),
                member,
                sequence,
                Instant.parse("2026-11-23T10:00:00Z").plusSeconds(sequence).toString(),
                event.get("payloadType").asText(),
                withMember(event.get("payload"), member).toString());
    }

    /** The recorded JSON, for another member (the recording's member id replaced). */
    private JsonNode withMember(JsonNode payload, String member) {
        try {
            return json.readTree(payload.toString().replace('"' + RECORDED_MEMBER + '"', '"' + member + '"'));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON read back from text, so that a recorded tree and a serialized object compare alike. */
    private JsonNode comparable(Object value) {
        try {
            return json.readTree(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode recording() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/history/points-account-before-renames.json")) {
            return json.readTree(in);
        }
    }
}
