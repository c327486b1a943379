package com.loyaltysuite.benefit.exchange;

/**
 * The next step of a points exchange, as its durable timer carries it: {@code reserve} (with the points),
 * {@code issue}, {@code confirm} or {@code cancel} (with the reservation id).
 */
public record ExchangeStep(String exchangeId, String step, long points, String reservationId) {

    public static final String RESERVE = "reserve";
    public static final String ISSUE = "issue";
    public static final String CONFIRM = "confirm";
    public static final String CANCEL = "cancel";
}
