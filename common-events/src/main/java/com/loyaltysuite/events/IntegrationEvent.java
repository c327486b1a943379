package com.loyaltysuite.events;

/**
 * An event that crosses a service boundary on Kafka. Every one is about one member (its key and
 * CloudEvents subject) and belongs to one programme.
 */
public interface IntegrationEvent {

    MemberId memberId();

    String programId();
}
