package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.RfmSegment;
import java.util.List;

/** How many members each RFM group and each lifecycle stage holds now; every group and stage is listed, empty ones with 0. */
public record SegmentCountsView(long members, List<GroupCount> segments, List<StageCount> stages) {

    public record GroupCount(RfmSegment segment, String name, long members) {}

    public record StageCount(LifecycleStage stage, long members) {}
}
