package com.loyaltysuite.member.consents;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.member.ConsentPurpose;
import java.time.Instant;
import java.util.List;

/** A page of a member's consent history, newest first; the consents given at registration come first in time. */
public record ConsentHistoryView(String memberId, int page, int size, long totalEntries, List<Entry> entries) {

    public record Entry(Channel channel, ConsentPurpose purpose, boolean granted, String source, Instant changedAt) {}
}
