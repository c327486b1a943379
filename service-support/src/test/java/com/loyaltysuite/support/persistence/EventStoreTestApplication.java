package com.loyaltysuite.support.persistence;

import com.loyaltysuite.support.LoyaltyService;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A service with nothing but the shared plumbing, whose event store the persistence tests use. */
@SpringBootApplication
@LoyaltyService("eventstoretest")
class EventStoreTestApplication {

    /** The name {@link Appended} had before it was renamed (no such class exists any more). */
    static final String OLD_NAME_OF_APPENDED = "com.loyaltysuite.support.persistence.OldAppended";

    /** A payload Axon's Jackson serializer writes and reads back. */
    record Appended(String writer, int number) {}

    @Bean
    RenamedEvents renamedEvents() {
        return RenamedEvents.builder().renamed(OLD_NAME_OF_APPENDED, Appended.class).build();
    }

    static DomainEventMessage<Appended> event(String aggregateId, long sequenceNumber, String writer) {
        return new GenericDomainEventMessage<>(
                "TestAggregate",
                aggregateId,
                sequenceNumber,
                new Appended(writer, (int) sequenceNumber),
                MetaData.with("writer", writer));
    }

    static String newAggregateId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
