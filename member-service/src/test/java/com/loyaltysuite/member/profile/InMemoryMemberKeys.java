package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.crypto.MemberKeys;
import com.loyaltysuite.support.crypto.PersonalDataCipher;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Data keys in memory, for aggregate tests: a shredded member maps to null. */
public class InMemoryMemberKeys extends MemberKeys {

    private final Map<String, byte[]> keys = new HashMap<>();

    public InMemoryMemberKeys() {
        super(null, null);
    }

    @Override
    public Lookup find(MemberId member) {
        if (!keys.containsKey(member.value())) {
            return new Lookup.Unknown();
        }
        byte[] key = keys.get(member.value());
        return key == null ? new Lookup.Shredded() : new Lookup.Known(key);
    }

    @Override
    public Optional<byte[]> createIfAbsent(MemberId member) {
        if (!keys.containsKey(member.value())) {
            keys.put(member.value(), PersonalDataCipher.newKey());
        }
        return Optional.ofNullable(keys.get(member.value()));
    }

    @Override
    public void put(MemberId member, byte[] key) {
        keys.putIfAbsent(member.value(), key);
    }

    @Override
    public void shred(MemberId member) {
        keys.put(member.value(), null);
    }
}
