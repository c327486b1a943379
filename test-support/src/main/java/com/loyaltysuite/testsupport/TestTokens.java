package com.loyaltysuite.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * Bearer tokens minted in the test JVM, signed with a key pair made for the run. Every service started
 * in a test trusts its public key ({@link TestInfrastructureInitializer}), so tests go through the real
 * token validation and scope checks; nothing is switched off.
 */
public final class TestTokens {

    public static final String MEMBER = "loyalty.member";
    public static final String SUPPORT_READ = "loyalty.support.read";
    public static final String SUPPORT_WRITE = "loyalty.support.write";
    public static final String CHECKOUT = "loyalty.checkout";
    public static final String ADMIN = "loyalty.admin";

    /** The subject of {@link #staff()}: what audit fields record for calls made with it. */
    public static final String STAFF_SUBJECT = "test-operator";

    private static final KeyPair KEYS = generate();
    private static Path publicKeyFile;

    private TestTokens() {}

    /** A token for {@code subject} carrying {@code scopes}, valid for an hour. */
    public static String mint(String subject, String... scopes) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://tokens.test.invalid")
                .subject(subject)
                .claim("scope", String.join(" ", scopes))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
        try {
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Support staff with every staff scope: what tests use when access control is not their subject. */
    public static String staff() {
        return mint(STAFF_SUBJECT, SUPPORT_READ, SUPPORT_WRITE, CHECKOUT, ADMIN);
    }

    /** Request headers carrying a staff token whose subject (the audited operator) is {@code operator}. */
    public static org.springframework.http.HttpHeaders staffHeaders(String operator) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(mint(operator, SUPPORT_READ, SUPPORT_WRITE, CHECKOUT, ADMIN));
        return headers;
    }

    /** Staff with every staff scope but {@code missing}. */
    public static String staffWithout(String missing) {
        return mint(
                STAFF_SUBJECT,
                java.util.stream.Stream.of(SUPPORT_READ, SUPPORT_WRITE, CHECKOUT, ADMIN)
                        .filter(scope -> !scope.equals(missing))
                        .toArray(String[]::new));
    }

    /** A member's own token. */
    public static String member(String memberId) {
        return mint(memberId, MEMBER);
    }

    /** {@code file:} location of the public key as PEM, for {@code ...resourceserver.jwt.public-key-location}. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("loyalty-test-issuer", ".pem");
                file.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(file, pem);
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile.toUri().toString();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
