package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.MemberId;

/** Stored: time alone changed the member's recency, window or stage; their new assessment. */
public record SegmentReassessed(MemberId memberId, String programId, RfmAssessment assessment) {}
