package com.loyaltysuite.member.messaging;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Programs;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.member.MemberDataKey;
import com.loyaltysuite.member.profile.ErasureRecorded;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import com.loyaltysuite.support.crypto.MemberKeys;
import com.loyaltysuite.support.crypto.PersonalDataCipher;
import com.loyaltysuite.support.timers.DueTimerRoutes;
import com.loyaltysuite.support.timers.DueTimers;
import com.loyaltysuite.support.timers.TimerKind;
import com.loyaltysuite.support.transactions.UnitOfWorkBatch;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * Hands the members' data keys to the consumers allowed to read personal data, on the compacted
 * {@code loyalty.member-keys.v1} (ADR 9): the key when a member registers, a tombstone when the member is
 * erased. The key is not an event of the member's history (the event log must never hold it), so it
 * does not go through the relay: a durable timer, set in the transaction of the registration or erasure
 * (a subscribing processing group), sends what the key table holds then, and is retried until Kafka has
 * it. A later send of the same member supersedes an earlier one.
 */
@Component
@ProcessingGroup(MemberKeyPublisher.PROCESSING_GROUP)
class MemberKeyPublisher {

    static final String PROCESSING_GROUP = "member-key-publishing";

    /** The member's key (or its tombstone) is to be published. */
    record KeyDue() {}

    static final TimerKind<KeyDue> PUBLISH_KEY = TimerKind.of("member-key", KeyDue.class);

    /** The unit of work's sends not yet acknowledged. */
    private static final UnitOfWorkBatch<List<CompletableFuture<?>>> SENDING =
            new UnitOfWorkBatch<>("member-key-sends", ArrayList::new, MemberKeyPublisher::awaitAll);

    private final DueTimers timers;
    private final Clock clock;

    MemberKeyPublisher(DueTimers timers, Clock clock) {
        this.timers = timers;
        this.clock = clock;
    }

    @EventHandler
    void on(RegistrationRecorded event) {
        if (event.personalData() != null) {
            timers.schedule(PUBLISH_KEY, event.memberId(), "key", clock.instant(), new KeyDue());
        }
    }

    @EventHandler
    void on(ErasureRecorded event) {
        timers.schedule(PUBLISH_KEY, event.memberId(), "key", clock.instant(), new KeyDue());
    }

    @Bean
    static DueTimerRoutes memberKeyRoutes(MemberKeys keys, KafkaOperations<String, byte[]> kafka) {
        return DueTimerRoutes.builder()
                .on(PUBLISH_KEY, (member, dueAt, due) -> send(kafka, record(keys, member, dueAt)))
                .build();
    }

    private static ProducerRecord<String, byte[]> record(MemberKeys keys, MemberId member, Instant at) {
        if (keys.find(member) instanceof MemberKeys.Lookup.Known known) {
            return CloudEventCodec.toRecord(new EventEnvelope<>(
                    "key-" + member.value(),
                    URI.create("/loyalty/member-service"),
                    at.atOffset(ZoneOffset.UTC),
                    new MemberDataKey(member, Programs.DEFAULT, PersonalDataCipher.ALGORITHM,
                            Base64.getEncoder().encodeToString(known.key()), at)));
        }
        // Erased (or never keyed): a tombstone, which compaction turns into nothing.
        return new ProducerRecord<>(Topics.MEMBER_KEYS, member.value(), null);
    }

    /**
     * Sends without waiting for the broker; the timers fired together (one unit of work) wait for all
     * their sends once, before they commit. A burst of registrations then costs one round trip per batch
     * of keys instead of one per key (which held the keys a few seconds behind their members at
     * 100 registrations/s), and a send that fails still rolls the firing back to be retried.
     */
    private static void send(KafkaOperations<String, byte[]> kafka, ProducerRecord<String, byte[]> record) {
        CompletableFuture<?> sent = kafka.send(record);
        SENDING.add(sending -> sending.add(sent));
    }

    private static void awaitAll(List<CompletableFuture<?>> sending) {
        try {
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new))
                    .orTimeout(30, TimeUnit.SECONDS)
                    .join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Could not publish " + sending.size() + " data key(s)", e.getCause());
        }
    }
}
