package com.loyaltysuite.events.anomaly;

/** The rules of anomaly monitoring (异常监控) on the payment stream. */
public enum AnomalyRule {
    /** One payment above a threshold (大额交易). */
    LARGE_PAYMENT,
    /** More payments than allowed within a few minutes (高频交易). */
    HIGH_FREQUENCY,
    /** A payment inside the configured local hours, e.g. 02:00 to 05:00 (某些时间段). */
    NIGHT_PAYMENT,
    /** Refunds above a share of the spend within a window. */
    REFUND_RATIO,
    /** A payment from a member whose status is frozen or closed. */
    INACTIVE_MEMBER_PAYMENT
}
