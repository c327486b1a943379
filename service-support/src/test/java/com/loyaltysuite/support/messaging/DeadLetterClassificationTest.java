package com.loyaltysuite.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.crypto.DataKeyNotYetKnownException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

/** Which failures wait for the world to recover (retried without end) and which are the record's own. */
class DeadLetterClassificationTest {

    @Test
    void aLostDatabaseConnectionIsTransientWhateverWrapsIt() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");

        assertThat(DeadLetterConfiguration.isTransient(
                        new ListenerExecutionFailedException("listener failed", new EventStoreException("append failed", lost))))
                .isTrue();
        assertThat(DeadLetterConfiguration.isTransient(new JDBCConnectionException("could not open", lost))).isTrue();
        assertThat(DeadLetterConfiguration.isTransient(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void aServerShuttingDownOrADeadlockIsTransient() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "40001", "40P01", "08001"}) {
            assertThat(DeadLetterConfiguration.isTransient(
                            new EventStoreException("failed", new SQLException("server says no", state))))
                    .as(state)
                    .isTrue();
        }
    }

    @Test
    void anotherInstanceWritingFirstIsTransient() {
        assertThat(DeadLetterConfiguration.isTransient(new ConcurrencyException("sequence 7 taken"))).isTrue();
        assertThat(DeadLetterConfiguration.isTransient(new AggregateStreamCreationException("created by another")))
                .isTrue();
    }

    @Test
    void aMissingDataKeyIsLookedForAgainBrisklyWithoutEnd() {
        BackOffExecution key = DeadLetterConfiguration.backOffFor(new ListenerExecutionFailedException(
                        "listener failed", new DataKeyNotYetKnownException(MemberId.of("M-1"))))
                .start();
        BackOffExecution outage = DeadLetterConfiguration.backOffFor(
                        new RuntimeException(new ConnectException("Connection refused")))
                .start();

        assertThat(key.nextBackOff()).isEqualTo(100);
        for (int i = 0; i < 40; i++) {
            assertThat(key.nextBackOff()).isBetween(100L, 1_000L);
        }
        for (int i = 0; i < 10; i++) {
            outage.nextBackOff();
        }
        assertThat(outage.nextBackOff()).isEqualTo(30_000);
        assertThat(DeadLetterConfiguration.backOffFor(new IllegalArgumentException("amount is negative"))).isNull();
    }

    @Test
    void theRecordsOwnFaultsAreNot() {
        assertThat(DeadLetterConfiguration.isTransient(new IllegalArgumentException("amount is negative"))).isFalse();
        assertThat(DeadLetterConfiguration.isTransient(
                        new EventStoreException("bad row", new SQLException("value too long", "22001"))))
                .isFalse();
        assertThat(DeadLetterConfiguration.isTransient(new SQLException("no state"))).isFalse();
    }

    @Test
    void aReasonIsCutToItsBound() {
        String reason = DeadLetters.reasonOf(new IllegalArgumentException("e".repeat(50_000)));

        assertThat(reason).hasSize(DeadLetters.MAX_REASON_CHARS).endsWith("…");
        assertThat(DeadLetters.reasonOf(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
