package com.loyaltysuite.events.segment;

/**
 * The eight RFM groups (RFM 八类客户): each is one combination of a high or low score on recency (R, a
 * recent last order is high), frequency (F) and monetary value (M). The English code is the
 * contract's value; the Chinese name is the programme's name for the group.
 */
public enum RfmSegment {
    IMPORTANT_VALUE("重要价值客户", true, true, true),
    IMPORTANT_RECALL("重要唤醒老客户", false, true, true),
    IMPORTANT_DEEPEN("深化经营优质客户", true, false, true),
    IMPORTANT_RETAIN("重点挽留高价值客户", false, false, true),
    POTENTIAL("发掘潜力新客户", true, true, false),
    NEW("持续推广新接触客户", true, false, false),
    GENERAL_MAINTAIN("维持一般消费客户", false, true, false),
    LOST("流失客户", false, false, false);

    private final String chineseName;
    private final boolean recent;
    private final boolean frequent;
    private final boolean highValue;

    RfmSegment(String chineseName, boolean recent, boolean frequent, boolean highValue) {
        this.chineseName = chineseName;
        this.recent = recent;
        this.frequent = frequent;
        this.highValue = highValue;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The group of a member with these scores: every combination has exactly one. */
    public static RfmSegment of(RfmScore recency, RfmScore frequency, RfmScore monetary) {
        for (RfmSegment segment : values()) {
            if (segment.recent == recency.isHigh()
                    && segment.frequent == frequency.isHigh()
                    && segment.highValue == monetary.isHigh()) {
                return segment;
            }
        }
        throw new IllegalStateException("No RFM group for " + recency + frequency + monetary);
    }
}
