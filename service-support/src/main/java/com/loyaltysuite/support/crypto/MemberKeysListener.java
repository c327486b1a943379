package com.loyaltysuite.support.crypto;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.InvalidEventException;
import com.loyaltysuite.events.member.MemberDataKey;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps copies of the members' data keys from the compacted {@code loyalty.member-keys.v1} (ADR 9): a key
 * is stored, a tombstone destroys the copy. Not through the inbox and never dead-lettered: putting a key
 * and shredding one are idempotent, and a key must never be copied to a topic that is not compacted. A
 * record that is no key is logged (without its value) and passed over. Registered by
 * {@link MemberKeysAutoConfiguration} in a service that sets {@code loyalty.member-keys.consume=true}.
 */
public class MemberKeysListener {

    private static final Logger log = LoggerFactory.getLogger(MemberKeysListener.class);

    private final MemberKeys keys;

    public MemberKeysListener(MemberKeys keys) {
        this.keys = keys;
    }

    @KafkaListener(topics = Topics.MEMBER_KEYS)
    @Transactional
    public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null || record.key().isBlank()) {
                continue;
            }
            MemberId member = MemberId.of(record.key());
            if (record.value() == null) {
                keys.shred(member);
                continue;
            }
            try {
                if (CloudEventCodec.fromRecord(record).data() instanceof MemberDataKey key) {
                    keys.put(member, Base64.getDecoder().decode(key.key()));
                }
            } catch (InvalidEventException | IllegalArgumentException e) {
                log.warn("Passed over a record on {} at offset {} that is not a data key: {}",
                        record.topic(), record.offset(), e.getClass().getSimpleName());
            }
        }
    }
}
