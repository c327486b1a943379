package com.loyaltysuite.benefit.catalogue;

/** When the birthday gift comes: at the start of the birthday month, or on the day. */
public enum BirthdayWhen {
    MONTH,
    DAY
}
