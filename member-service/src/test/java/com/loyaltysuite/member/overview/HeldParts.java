package com.loyaltysuite.member.overview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Another service's parts of the member 360 view that answer only when the test lets them: a real HTTP
 * server (the JDK's) on which each request runs {@link Answer} on a thread of its own, so an answer may
 * wait for other requests to arrive. Serves {@code /members/{memberId}/{part}}.
 */
final class HeldParts implements AutoCloseable {

    /** What one request is answered with, decided once it has arrived: the status and a JSON body. */
    interface Answer {
        Reply to(String part) throws InterruptedException;
    }

    record Reply(int status, String json) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    HeldParts(Answer answer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/members/", exchange -> reply(exchange, answer));
        server.start();
    }

    /** The URL template of {@code part}, as {@code loyalty.overview.sources.<part>} takes it. */
    String source(String part) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/members/{memberId}/" + part;
    }

    private static void reply(HttpExchange exchange, Answer answer) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Reply reply;
        try {
            reply = answer.to(path.substring(path.lastIndexOf('/') + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = new Reply(503, "{}");
        }
        byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
