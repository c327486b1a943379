package com.loyaltysuite.tier.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one batch of member-tier events changes, written in at most five statements (each one JDBC
 * batch) whatever the batch's size: each member's latest standing, the new orders, the refunds
 * applied to orders (in event order, after the orders they reduce), and the refunds awaiting their
 * order that went or came. Inserts hold one row per key: with {@code reWriteBatchedInserts} a batch
 * becomes one multi-row insert, and an upsert must not touch the same row twice in one statement.
 */
class MemberTierBatch {

    private final Map<String, MemberTierStatus> statuses = new LinkedHashMap<>();
    private final Map<MemberTierOrder.Key, MemberTierOrder> newOrders = new LinkedHashMap<>();
    private final List<Reduction> reductions = new ArrayList<>();
    private final Map<RefundKey, AwaitingChange> awaiting = new LinkedHashMap<>();

    /** The member's standing after this batch: the state of the event with the highest sequence number. */
    MemberTierStatus statusOf(String memberId) {
        return statuses.computeIfAbsent(memberId, MemberTierStatus::new);
    }

    void order(MemberTierOrder order) {
        newOrders.putIfAbsent(order.key(), order);
    }

    void reduce(String memberId, String orderId, BigDecimal amount, long sequence) {
        reductions.add(new Reduction(memberId, orderId, amount, sequence));
    }

    /** A refund awaiting its order; one already waiting (in the table or in this batch) stays as it is. */
    void awaiting(RefundAwaitingOrder refund) {
        AwaitingChange change = awaiting.computeIfAbsent(
                new RefundKey(refund.memberId(), refund.refundId()), key -> new AwaitingChange());
        if (change.insert == null) {
            change.insert = refund;
        }
    }

    /** The refund no longer awaits its order: whatever this batch or the table held for it goes. */
    void applied(String memberId, String refundId) {
        AwaitingChange change = awaiting.computeIfAbsent(new RefundKey(memberId, refundId), key -> new AwaitingChange());
        change.delete = true;
        change.insert = null;
    }

    void writeTo(JdbcTemplate jdbc) {
        if (!statuses.isEmpty()) {
            jdbc.batchUpdate(MemberTierStatus.UPSERT, List.copyOf(statuses.values()), statuses.size(),
                    (statement, status) -> status.bindTo(statement));
        }
        if (!newOrders.isEmpty()) {
            jdbc.batchUpdate(MemberTierOrder.INSERT, List.copyOf(newOrders.values()), newOrders.size(),
                    (statement, order) -> order.bindTo(statement));
        }
        if (!reductions.isEmpty()) {
            jdbc.batchUpdate(MemberTierOrder.REDUCE, reductions, reductions.size(), (statement, reduction) -> {
                statement.setBigDecimal(1, reduction.amount());
                statement.setLong(2, reduction.sequence());
                statement.setString(3, reduction.memberId());
                statement.setString(4, reduction.orderId());
                statement.setLong(5, reduction.sequence());
            });
        }
        List<RefundKey> deletes = awaiting.entrySet().stream()
                .filter(e -> e.getValue().delete)
                .map(Map.Entry::getKey)
                .toList();
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate(RefundAwaitingOrder.DELETE, deletes, deletes.size(), (statement, key) -> {
                statement.setString(1, key.memberId());
                statement.setString(2, key.refundId());
            });
        }
        List<RefundAwaitingOrder> inserts = awaiting.values().stream()
                .filter(change -> change.insert != null)
                .map(change -> change.insert)
                .toList();
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(RefundAwaitingOrder.INSERT, inserts, inserts.size(), (statement, refund) -> refund.bindTo(statement));
        }
    }

    private record Reduction(String memberId, String orderId, BigDecimal amount, long sequence) {}

    private record RefundKey(String memberId, String refundId) {}

    /** Deletes run before inserts: a refund that went and came again in one batch ends up waiting. */
    private static final class AwaitingChange {
        private boolean delete;
        private RefundAwaitingOrder insert;
    }
}
