package com.loyaltysuite.events;

/** Topic names: {@code <domain>.<stream>.v<major>}. A breaking change to a stream is a new major topic. */
public final class Topics {

    /** Input owned by the order system. */
    public static final String ORDER_PAID = "orders.order-paid.v1";
    /** Input owned by the order system. */
    public static final String ORDER_REFUNDED = "orders.order-refunded.v1";

    public static final String MEMBERS = "loyalty.members.v1";
    public static final String POINTS = "loyalty.points.v1";
    public static final String TIERS = "loyalty.tiers.v1";
    /** Compacted: the latest record per member id is that member's current tier. */
    public static final String MEMBER_TIERS = "loyalty.member-tiers.v1";
    /**
     * Compacted, read-restricted: the latest record per member id is that member's data key
     * ({@code MemberDataKey}), a tombstone once the member is erased (ADR 9).
     */
    public static final String MEMBER_KEYS = "loyalty.member-keys.v1";
    public static final String BENEFITS = "loyalty.benefits.v1";
    public static final String NOTIFICATIONS = "loyalty.notifications.v1";
    /** Compacted: the latest record per member id is that member's RFM group and lifecycle stage now. */
    public static final String MEMBER_SEGMENTS = "loyalty.member-segments.v1";
    public static final String ANOMALIES = "loyalty.anomalies.v1";

    /** Suffix of the dead-letter topic next to each consumed topic (spring-kafka's default). */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {}

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
