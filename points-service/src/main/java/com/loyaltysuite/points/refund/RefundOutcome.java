package com.loyaltysuite.points.refund;


/** What a refund did to the account. */
public enum RefundOutcome {
    /** Points were reversed (possibly zero, for a tiny part of an order). */
    REVERSED,
    /** This refund id was applied before. */
    DUPLICATE,
    /** No points were earned for the order: the refund is recorded and applied if the order comes later. */
    UNKNOWN_ORDER,
    /** The order's points are withheld (the member was frozen): the refund is applied if they are released. */
    WITHHELD_ORDER,
    /** The order's withheld points were forfeited on unfreezing: there is nothing to take back. */
    FORFEITED_ORDER
}
