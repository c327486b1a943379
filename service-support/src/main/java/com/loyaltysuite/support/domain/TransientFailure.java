package com.loyaltysuite.support.domain;

/**
 * Marks an exception that says "not yet" rather than "never": a mail server that is down, an event
 * that overtook the one it depends on. A consumer that throws one backs off and retries the record
 * until it succeeds, like a database outage, instead of dead-lettering it after a few attempts.
 */
public interface TransientFailure {}
