package com.loyaltysuite.support.messaging;

/**
 * Marks an exception that says "never": a valid event this service can never apply (an unsupported
 * currency, a negative amount). A consumer that throws one, from anywhere below its listener,
 * dead-letters the record at once with the exception's message as the reason; retrying cannot help.
 * The counterpart of {@link TransientFailure}.
 */
public interface PermanentRejection {}
