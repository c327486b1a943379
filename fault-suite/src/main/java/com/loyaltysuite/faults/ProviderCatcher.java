package com.loyaltysuite.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A stand-in for a message provider, in its own JVM so that the outage scenario can stop it and start
 * it again on the same port: {@code sms} answers notification-service's SendSms form POSTs at
 * {@code /sms} with {@code Code: OK}; {@code smtp} speaks just enough SMTP to take a mail. Each
 * message's id (the SMS's {@code OutId}, the mail's {@code X-Loyalty-Notification-Id}) is appended to
 * a file before the provider answers, so what every incarnation received survives its stop. Nothing is deduplicated: a message received twice is two lines. Run as
 * {@code java -Dloader.main=com.loyaltysuite.faults.ProviderCatcher -jar fault-suite-exec.jar
 * <sms|smtp> <port> <file>}.
 */
public final class ProviderCatcher {

    private final FileOutputStream file;

    private ProviderCatcher(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        this.file = new FileOutputStream(path.toFile(), true);
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int port = Integer.parseInt(args[1]);
        ProviderCatcher catcher = new ProviderCatcher(Path.of(args[2]));
        switch (kind) {
            case "sms" -> catcher.sms(port);
            case "smtp" -> catcher.smtp(port);
            default -> throw new IllegalArgumentException("sms or smtp, not " + kind);
        }
        System.out.println("PROVIDER CATCHER " + kind + " listening on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }

    /**
     * Appends the id (unbuffered: once written, a stop or a kill -9 of this process cannot lose it);
     * only then does the provider say it took the message.
     */
    private synchronized void record(String id) throws IOException {
        file.write((id + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Ids in a catcher's file, one per receipt. */
    static List<String> received(Path path) throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        return Files.readAllLines(path).stream().filter(line -> !line.isBlank()).toList();
    }

    // ---- SMS: the gateway's SendSms, as notification-service's SmsGateway calls it

    private void sms(int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        http.createContext("/sms", this::sendSms);
        http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        http.start();
    }

    private void sendSms(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String outId = null;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals("OutId")) {
                outId = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        record(outId == null ? "no-out-id" : outId);
        byte[] answer = ("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"" + UUID.randomUUID() + "\",\"RequestId\":\""
                        + UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    // ---- SMTP: EHLO, MAIL, RCPT, DATA, QUIT; no TLS, no authentication

    private void smtp(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port), 50);
        Thread accept = new Thread(() -> {
            while (true) {
                try {
                    Socket socket = server.accept();
                    Thread session = new Thread(() -> session(socket), "smtp-session");
                    session.setDaemon(true);
                    session.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "smtp-accept");
        accept.start();
    }

    private void session(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.UTF_8)) {
            reply(out, "220 fault-suite SMTP catcher");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 fault-suite");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        List<String> message = new ArrayList<>();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            message.add(line);
                        }
                        record(notificationId(message));
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String notificationId(List<String> message) {
        for (String header : message) {
            if (header.isEmpty()) {
                break;
            }
            if (header.toLowerCase(Locale.ROOT).startsWith("x-loyalty-notification-id:")) {
                return header.substring(header.indexOf(':') + 1).strip();
            }
        }
        return "no-notification-id";
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }
}
