package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.MemberId;

/** Query: a member's delivery log, newest first. Answered with a list of {@link DeliveryView}s, empty when none. */
public record FindDeliveries(MemberId memberId) {}
