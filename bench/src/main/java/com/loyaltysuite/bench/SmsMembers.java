package com.loyaltysuite.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Registers the workload's most frequent members through member-service, as a support console would,
 * with consent to SMS: from then on each of their orders sends a 交易提醒 SMS (and each refund one more)
 * through notification-service to the suite's SMS catcher.
 */
final class SmsMembers {

    /** How many registrations are in flight at once. */
    static final int CONCURRENCY = 8;

    record Registered(int registered, int refused, double seconds, String firstRefusal) {}

    private SmsMembers() {}

    /**
     * Registers the members of ranks 0 to {@code count - 1}. Mobile numbers are made of the run's bits
     * and the rank, so that they do not clash with an earlier run's members in the same database.
     */
    static Registered register(String memberUrl, String token, String runTag, long runBits, int count)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        AtomicInteger registered = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<String> firstRefusal = new AtomicReference<>();
        long start = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        for (int rank = 0; rank < count; rank++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(memberUrl + "/members"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(registration(runTag, runBits, rank)))
                    .build();
            all[rank] = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        if (failure == null && response.statusCode() == 201) {
                            registered.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                            firstRefusal.compareAndSet(null, failure != null
                                    ? failure.toString()
                                    : "HTTP " + response.statusCode() + " " + response.body());
                        }
                    });
        }
        CompletableFuture.allOf(all).exceptionally(e -> null).join();
        return new Registered(registered.get(), refused.get(), (System.nanoTime() - start) / 1e9, firstRefusal.get());
    }

    static String registration(String runTag, long runBits, int rank) {
        return String.format(Locale.ROOT,
                "{\"memberId\":\"%s\",\"name\":\"会员%d\",\"mobile\":\"%s\",\"consents\":{\"sms\":true,\"email\":false}}",
                OpenLoopSender.memberId(runTag, rank), rank, mobile(runBits, rank));
    }

    /** +86 139, three digits of the run, five of the rank: an eleven-digit mainland mobile number. */
    static String mobile(long runBits, int rank) {
        if (rank < 0 || rank >= 100_000) {
            throw new IllegalArgumentException("at most 100,000 SMS members");
        }
        return String.format(Locale.ROOT, "+86139%03d%05d", Math.floorMod(runBits, 1_000), rank);
    }
}
