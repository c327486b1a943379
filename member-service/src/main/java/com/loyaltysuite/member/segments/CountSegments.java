package com.loyaltysuite.member.segments;

/** Query: how many members are in each RFM group and each lifecycle stage. Answered with {@link SegmentCountsView}. */
public record CountSegments() {}
