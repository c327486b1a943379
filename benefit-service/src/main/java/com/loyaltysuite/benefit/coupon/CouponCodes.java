package com.loyaltysuite.benefit.coupon;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Coupon codes (ADR 10): 100 random bits from {@link SecureRandom}, written as 20 Crockford base32
 * characters in groups of four ({@code 7KQM-2D9X-HV4T-B8NP-W3RJ}; no I, L, O or U, so nothing to misread).
 * The service never stores a code in clear: it keeps its SHA-256 {@link #hash} (what lookups use: with
 * 100 bits of entropy, trying codes against a leaked hash is as hopeless as guessing them) and a copy
 * {@link #seal sealed} with AES-256-GCM under {@code loyalty.benefits.coupon-codes.seal-key}, opened only
 * to publish the code to its owner in {@code BenefitGranted}.
 */
@Component
public class CouponCodes {

    private static final Logger log = LoggerFactory.getLogger(CouponCodes.class);
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int CHARACTERS = 20; // 5 bits each: 100 bits
    private static final int NONCE_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec sealKey;

    public CouponCodes(@Value("${loyalty.benefits.coupon-codes.seal-key:}") String sealKey) {
        byte[] key;
        if (sealKey == null || sealKey.isBlank()) {
            key = new byte[32];
            random.nextBytes(key);
            log.warn("loyalty.benefits.coupon-codes.seal-key is not set: coupon codes are sealed with a key of this"
                    + " process only, so a grant published again after a restart carries no code");
        } else {
            key = Base64.getDecoder().decode(sealKey.trim());
            if (key.length != 32) {
                throw new IllegalArgumentException("loyalty.benefits.coupon-codes.seal-key must be 32 bytes in base64");
            }
        }
        this.sealKey = new SecretKeySpec(key, "AES");
    }

    /** A new code, grouped for reading. */
    public String newCode() {
        StringBuilder code = new StringBuilder(CHARACTERS + CHARACTERS / 4);
        for (int i = 0; i < CHARACTERS; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The hash a code is stored and looked up by. What people type is forgiven as Crockford allows:
     * case, dashes and spaces are ignored, O reads as 0, I and L as 1.
     */
    public static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized(code).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String normalized(String code) {
        return code.toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
    }

    /** The code encrypted for this service only (nonce and ciphertext, base64). */
    public String seal(String code) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(code.getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a coupon code", e);
        }
    }

    /** The code in clear; empty when it was sealed under another key (or not at all). */
    public Optional<String> open(String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            return Optional.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
