package com.loyaltysuite.notification.contact;

import com.loyaltysuite.events.MemberId;

/** Query: how to reach a member. Answered with a {@link ContactView}, or none when the member is unknown. */
public record FindContact(MemberId memberId) {}
