package com.loyaltysuite.events.member;

/** A member's standing: only an {@code ACTIVE} member earns and redeems. */
public enum MemberStatus {
    ACTIVE,
    FROZEN,
    CLOSED
}
