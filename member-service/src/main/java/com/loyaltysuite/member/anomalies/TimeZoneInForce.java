package com.loyaltysuite.member.anomalies;

import java.time.Instant;

/** The member's own time zone (an IANA id) from {@code since} on, as the monitor knows it. */
public record TimeZoneInForce(String zone, Instant since) {}
