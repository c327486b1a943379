package com.loyaltysuite.support.messaging;

/**
 * Marks an adapter's exception that says "never" (e.g. {@link RejectedEventException}): a consumer that
 * throws one dead-letters the record at once with the exception's message as the reason. Domain code
 * does not use it; it throws a {@link com.loyaltysuite.support.domain.DomainException}, which the
 * consumer treats the same way. The counterpart of {@link com.loyaltysuite.support.domain.TransientFailure}.
 */
public interface PermanentRejection {}
