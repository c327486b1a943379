package com.loyaltysuite.member.consents;

import com.loyaltysuite.events.MemberId;

/** Query: a page of a member's consent history, newest first. Answered with a {@link ConsentHistoryView}, or none. */
public record FindConsentHistory(MemberId memberId, int page, int size) {}
