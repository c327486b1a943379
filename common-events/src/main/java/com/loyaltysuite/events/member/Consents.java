package com.loyaltysuite.events.member;

/** Whether a member agreed to be contacted on each channel (营销触达同意). */
public record Consents(boolean sms, boolean email) {}
