package com.loyaltysuite.events.segment;

/**
 * Where a member stands in their life as a customer, from their paid orders: {@code NEW} soon after
 * their first order, {@code ACTIVE} while they order, {@code DORMANT} after a while without an order,
 * {@code CHURNED} after a long while without one.
 */
public enum LifecycleStage {
    NEW,
    ACTIVE,
    DORMANT,
    CHURNED
}
