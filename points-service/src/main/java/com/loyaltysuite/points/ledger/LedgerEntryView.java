package com.loyaltysuite.points.ledger;

import com.loyaltysuite.events.Money;
import java.time.Instant;

/**
 * One movement: {@code kind} is EARNED, REVERSED, REDEEMED, EXPIRED, ADJUSTED, WITHHELD, WITHHELD_FORFEITED
 * or FORFEITED; {@code points} is signed (WITHHELD and WITHHELD_FORFEITED points are not in the balance); {@code cause} says why in words; {@code reference} is the refund, reservation or adjustment id;
 * {@code amount} is the money behind it (the order's amount when EARNED, the refund's when REVERSED),
 * otherwise null.
 */
public record LedgerEntryView(
        long sequence,
        String kind,
        long points,
        long balanceAfter,
        Instant occurredAt,
        String orderId,
        String reference,
        String cause,
        String reason,
        String operatorId,
        String causationId,
        Instant availableAt,
        Instant expiresAt,
        Money amount) {}
