package com.loyaltysuite.notification.channel;

import com.loyaltysuite.events.Channel;

/**
 * One provider of a channel (the SMTP server, the SMS gateway). {@link #send} answers
 * {@link SendResult.Sent} or {@link SendResult.Rejected}, and throws
 * {@link ProviderUnavailableException} for a transient failure, so that the circuit breaker counts it.
 */
public interface Provider {

    Channel channel();

    SendResult send(OutgoingMessage message);
}
