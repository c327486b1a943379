package com.loyaltysuite.points.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one batch of account events changes: the new ledger entries (the first per event id) and each
 * member's latest balance. Written in two statements, each one JDBC batch, whatever the batch's size.
 * One row per key: with {@code reWriteBatchedInserts} a batch becomes one multi-row insert, and an
 * upsert must not touch the same row twice in one statement.
 */
class LedgerBatch {

    private final Map<String, LedgerEntry> entries = new LinkedHashMap<>();
    private final Map<String, PointsBalance> balances = new LinkedHashMap<>();

    void entry(LedgerEntry entry) {
        entries.putIfAbsent(entry.eventId(), entry);
    }

    /** The member's balance after this batch: the state of the event with the highest sequence number. */
    PointsBalance balanceOf(String memberId) {
        return balances.computeIfAbsent(memberId, PointsBalance::new);
    }

    void writeTo(JdbcTemplate jdbc) {
        if (!entries.isEmpty()) {
            jdbc.batchUpdate(LedgerEntry.INSERT, new ArrayList<>(entries.values()), entries.size(), (statement, entry) -> entry.bindTo(statement));
        }
        if (!balances.isEmpty()) {
            jdbc.batchUpdate(PointsBalance.UPSERT, List.copyOf(balances.values()), balances.size(), (statement, balance) -> balance.bindTo(statement));
        }
    }
}
