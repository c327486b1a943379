package com.loyaltysuite.points.ledger;

import com.loyaltysuite.events.Money;
import java.time.Instant;

/**
 * One movement: {@code kind} is EARNED, REVERSED, REDEEMED, EXPIRED or ADJUSTED; {@code points} is
 * signed; {@code cause} says why in words; {@code reference} is the refund, reservation or adjustment id;
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
