package com.loyaltysuite.member.segments;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loyalty.segments.*}: the RFM thresholds and lifecycle stages. Each dimension is scored high or
 * low against one threshold (seed 003: high and low per dimension give the eight groups).
 *
 * @param policyVersion recorded with every assessment, so a change of thresholds shows in the history
 * @param currency the programme currency: only orders in it count towards monetary value
 * @param windowDays frequency and monetary value count the paid orders of the last this many days
 * @param recentDays recency is high while the last paid order is less than this many days old
 * @param frequentOrders frequency is high from this many paid orders in the window
 * @param highSpend monetary value is high from this net spend in the window
 * @param newDays a member is NEW while their first paid order is less than this many days old
 * @param dormantDays a member is DORMANT from this many days without a paid order
 * @param churnedDays a member is CHURNED from this many days without a paid order
 */
@ConfigurationProperties("loyalty.segments")
record SegmentProperties(
        @DefaultValue("rfm-v1") String policyVersion,
        @DefaultValue("CNY") String currency,
        @DefaultValue("365") int windowDays,
        @DefaultValue("90") int recentDays,
        @DefaultValue("3") int frequentOrders,
        @DefaultValue("1000") BigDecimal highSpend,
        @DefaultValue("30") int newDays,
        @DefaultValue("90") int dormantDays,
        @DefaultValue("180") int churnedDays) {}
