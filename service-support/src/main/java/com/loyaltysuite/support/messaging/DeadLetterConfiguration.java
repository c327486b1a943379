package com.loyaltysuite.support.messaging;

import com.loyaltysuite.events.codec.InvalidEventException;
import com.loyaltysuite.support.crypto.DataKeyNotYetKnownException;
import com.loyaltysuite.support.domain.DomainException;
import com.loyaltysuite.support.domain.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Consumer failures. Invalid events, any {@link DomainException} (the rule would refuse again) and any
 * {@link PermanentRejection} go to {@code <topic>.DLT} at once ({@link DeadLetters}), and the partition goes on. A database that
 * is unreachable, or any {@link TransientFailure}, is retried with back-off for as long as it takes
 * (nothing is dropped). Anything else is retried a few times, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    DeadLetters deadLetters(
            KafkaOperations<Object, Object> template,
            JdbcTemplate jdbc,
            MeterRegistry meters,
            @Value("${spring.kafka.producer.properties.max.request.size:1048576}") int maxRequestBytes) {
        return new DeadLetters(template, jdbc, meters, maxRequestBytes);
    }

    /**
     * Listeners take whole poll batches ({@link InboundEvents}); when one record of a batch fails they
     * throw a {@link org.springframework.kafka.listener.BatchListenerFailedException} naming it, so the
     * records before it are committed, it alone is retried or dead-lettered, and the rest come again.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(DeadLetters deadLetters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters::send, boundedRetries());
        handler.addNotRetryableExceptions(InvalidEventException.class);
        handler.setBackOffFunction((record, ex) -> {
            if (causedBy(ex, PermanentRejection.class) || causedBy(ex, DomainException.class)) {
                return NO_RETRIES;
            }
            return backOffFor(ex);
        });
        return handler;
    }

    /**
     * How a failure that is not the record's own is retried; null for the default (a few times). A data
     * key not copied here yet is a second or two behind its member event, not an outage: it is looked
     * for again briskly, since the whole consumer waits meanwhile (a registration burst backed off to
     * 30 s would hold every member's messages for that long).
     */
    static BackOff backOffFor(Exception ex) {
        if (causedBy(ex, DataKeyNotYetKnownException.class)) {
            return untilTheKeyArrives();
        }
        return isTransient(ex) ? untilItComesBack() : null;
    }

    private static BackOff untilTheKeyArrives() {
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
        backOff.setMaxInterval(1_000);
        return backOff;
    }

    private static BackOff boundedRetries() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxAttempts(6);
        return backOff;
    }

    private static BackOff untilItComesBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    private static final BackOff NO_RETRIES = new FixedBackOff(0, 0);

    static boolean causedBy(Throwable ex, Class<?> marker) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (marker.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether waiting and trying again can succeed: the database or the broker is away for a moment, or
     * another instance wrote first. Such failures are retried for as long as it takes, never
     * dead-lettered; everything else is a property of the record.
     */
    static boolean isTransient(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            // AxonTransientException: e.g. another instance appended to the aggregate first
            // (ConcurrencyException, a stale cached copy); the failed unit of work evicted it, and a
            // retry reloads it. AggregateStreamCreationException: another instance created the
            // aggregate first; a retry finds it.
            if (t instanceof TransientFailure
                    || t instanceof org.axonframework.common.AxonTransientException
                    || t instanceof org.axonframework.modelling.command.AggregateStreamCreationException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof NonTransientDataAccessResourceException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.sql.SQLTransientException
                    || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || (t instanceof java.sql.SQLException sql && isTransientSqlState(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's SQLSTATEs that say "not now" rather than "never": a lost connection (class 08),
     * the server shutting down or starting (57P01-57P03), and a serialization failure or deadlock
     * (40001, 40P01). Axon's event store wraps them in its own non-transient exception, so the state,
     * not the wrapper, decides.
     */
    static boolean isTransientSqlState(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03")
                        || state.equals("40001")
                        || state.equals("40P01"));
    }
}
