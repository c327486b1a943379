package com.loyaltysuite.events;

/** A way of reaching a member. */
public enum Channel {
    SMS,
    EMAIL
}
