package com.loyaltysuite.support.projections;

import com.loyaltysuite.support.transactions.UnitOfWorkBatch;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rows a projection collects while its processor handles one batch of events, written once per
 * batch instead of once per event. A tracking processor handles a batch in one root unit of work with
 * one transaction; the rows {@code B} live in that unit of work and are written when it prepares its
 * commit, inside the same transaction as the processor's token, so a batch is applied whole or not
 * at all (and then retried whole). Outside a unit of work (a direct call) the rows are written at once.
 *
 * <p>What {@code B} writes must stay idempotent and replay-safe: append-only rows insert with
 * {@code on conflict do nothing}, per-member state upserts with a guard on the last sequence applied.
 *
 * @param <B> what the projection collects in one batch (for instance, rows keyed by event or member id)
 */
public final class ProjectionBatch<B> {

    private final UnitOfWorkBatch<B> batch;

    /**
     * @param name   names the batch among the unit of work's resources (the processing group will do)
     * @param create a new, empty batch
     * @param write  writes a batch, in as few statements as it can
     */
    public ProjectionBatch(String name, Supplier<B> create, Consumer<B> write) {
        this.batch = new UnitOfWorkBatch<>(name, create, write);
    }

    /**
     * Adds what one event changes to the current batch; outside a unit of work to a batch of its own,
     * written at once. A handler that merges reads what earlier events of the batch left here.
     */
    public void add(Consumer<B> change) {
        batch.add(change);
    }

    /** Binds an instant to a {@code timestamptz} parameter (null as SQL null). */
    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(
                index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
