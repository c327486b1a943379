package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * A message's id, derived from the event it is about, the channel and the template: a name-based
 * UUID (version 5, SHA-1, RFC 4122) in a namespace of our own. The same on every try and on every
 * instance, so it is the idempotency key providers receive.
 */
final class MessageIds {

    static final UUID NAMESPACE = UUID.fromString("5b0f6a2e-2d55-4d8a-9a51-6c1c8f0e4b7d");

    private MessageIds() {}

    static String of(String eventId, Channel channel, String template) {
        return v5(NAMESPACE, eventId + "|" + channel.name() + "|" + template).toString();
    }

    static UUID v5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes(namespace));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }

    private static byte[] bytes(UUID uuid) {
        byte[] out = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (msb >>> (8 * (7 - i)));
            out[i + 8] = (byte) (lsb >>> (8 * (7 - i)));
        }
        return out;
    }
}
