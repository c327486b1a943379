package com.loyaltysuite.notification.channel;

/** What a provider answered about one message. */
public sealed interface SendResult {

    /** Accepted. {@code reference} is the provider's id for it, when it gives one. */
    record Sent(String reference) implements SendResult {}

    /** Refused for good (a bad address, rejected content): not retried. */
    record Rejected(String reason) implements SendResult {}

    /**
     * Not delivered for now (SMTP 4xx, HTTP 429 or 5xx, a timeout, a connection refused, an open
     * circuit, the quota used up, the bulkhead full): tried again later under the same id.
     */
    record Unavailable(String reason) implements SendResult {}
}
