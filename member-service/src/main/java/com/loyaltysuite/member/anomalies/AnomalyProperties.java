package com.loyaltysuite.member.anomalies;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loyalty.anomalies.*}: the anomaly rules on the payment stream (异常监控), each with its window.
 *
 * @param zone the programme's time zone, for the night hours of members who set no zone of their own
 * @param currency only payments and refunds in it count for amounts
 */
@ConfigurationProperties("loyalty.anomalies")
record AnomalyProperties(
        @DefaultValue("Asia/Shanghai") String zone,
        @DefaultValue("CNY") String currency,
        @DefaultValue LargePayment largePayment,
        @DefaultValue HighFrequency highFrequency,
        @DefaultValue NightPayment nightPayment,
        @DefaultValue RefundRatio refundRatio,
        @DefaultValue InactiveMember inactiveMember) {

    /** A single payment above {@code threshold}; at most one hit per member per {@code window}. */
    record LargePayment(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5000") BigDecimal threshold,
            @DefaultValue("P1D") Duration window) {}

    /** More than {@code maxPayments} payments within {@code within}; one hit per member per such window. */
    record HighFrequency(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5") int maxPayments,
            @DefaultValue("PT10M") Duration within) {}

    /** A payment from {@code from} (inclusive) to {@code to} (exclusive), local time; one hit per member per night. */
    record NightPayment(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("02:00") String from,
            @DefaultValue("05:00") String to) {}

    /** Refunds above {@code percent} % of the spend within {@code window}; one hit per member per window. */
    record RefundRatio(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("50") BigDecimal percent,
            @DefaultValue("P7D") Duration window) {}

    /** A payment while the member is frozen or closed; at most one hit per member per {@code window}. */
    record InactiveMember(@DefaultValue("true") boolean enabled, @DefaultValue("P1D") Duration window) {}
}
