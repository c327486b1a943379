package com.loyaltysuite.notification.delivery;

/** A rendered email: what the member reads. */
record Email(String subject, String body) {}
