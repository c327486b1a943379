package com.loyaltysuite.support.crypto;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.EventJson;
import com.loyaltysuite.events.member.PersonalData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a member's {@link PersonalData} with the member's data key, and opens it again (crypto-shredding,
 * ADR 9). AES-256-GCM from the JDK: a fresh 12-byte IV per seal, a 128-bit tag, the member id as
 * associated data (a sealed value copied to another member does not open). The sealed form is
 * {@code v1.} followed by base64 (no padding) of IV ‖ ciphertext ‖ tag; its plaintext is the record's
 * JSON. Plain Java, no I/O: where the key comes from is {@link MemberKeys}'.
 */
public final class PersonalDataCipher {

    public static final String ALGORITHM = "AES-256-GCM";

    private static final String PREFIX = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalDataCipher() {}

    /** A new random 256-bit data key. */
    public static byte[] newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    public static String seal(MemberId member, byte[] key, PersonalData data) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, member);
            byte[] sealed = cipher.doFinal(EventJson.mapper().writeValueAsBytes(data));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal the personal data of " + member, e);
        }
    }

    /** The personal data, or empty if {@code sealed} was not sealed with this key for this member. */
    public static Optional<PersonalData> open(MemberId member, byte[] key, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            if (in.length <= IV_BYTES) {
                return Optional.empty();
            }
            byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, iv, member);
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return Optional.of(EventJson.mapper().readValue(plain, PersonalData.class));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not open the personal data of " + member, e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, MemberId member) throws GeneralSecurityException {
        SecretKey secret = new SecretKeySpec(key, "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, secret, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(member.value().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
