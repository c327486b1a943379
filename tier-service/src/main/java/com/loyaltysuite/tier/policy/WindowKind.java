package com.loyaltysuite.tier.policy;

/** How the qualifying window ending at an instant is drawn. */
public enum WindowKind {
    /** The configured length (default 12 months) up to the instant; its first instant is excluded. */
    ROLLING,
    /** The calendar year (UTC) of the instant, from 1 January up to the instant. */
    CALENDAR_YEAR
}
