package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.member.MemberStatus;
import java.time.Instant;

/** The member's status from {@code since} on, as the monitor knows it. */
public record StatusInForce(MemberStatus status, Instant since) {}
