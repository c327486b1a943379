package com.loyaltysuite.suite;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.notification.channel.SmsGateway;
import com.loyaltysuite.notification.delivery.MessageTemplates;
import com.loyaltysuite.support.security.ContactDetails;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local run's SMS gateway: answers notification-service's SendSms calls (Aliyun style, form POSTs
 * to {@code /sms}) as the real gateway would, checks their signature, keeps each message once per
 * {@code OutId} (a repeated id is answered OK and not kept again, as an idempotent provider does), logs
 * it with the number masked, and shows every message at {@code http://127.0.0.1:<port>/}: the number,
 * the template code and parameters, and the text the gateway's template makes of them (written from
 * notification-service's own templates, {@code SMS_TIER_CHANGED} being {@code tier-changed}).
 */
public final class SmsCatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmsCatcher.class);

    private final HttpServer http;
    private final String secret;
    private final MessageTemplates templates = new MessageTemplates(null);
    private final ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "sms-catcher");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Caught> caught = new ArrayList<>();
    private final Map<String, Caught> byOutId = new HashMap<>();
    private int repeated;

    private record Caught(Instant at, String phone, String signName, String templateCode, String outId,
            Map<String, String> params, String text) {}

    private SmsCatcher(String host, int port, String secret) throws IOException {
        this.secret = secret;
        http = HttpServer.create(new InetSocketAddress(host, port), 0);
        // As a gateway would: several requests at once (the SMS channel's bulkhead sends four).
        http.setExecutor(workers);
        http.createContext("/sms", this::receive);
        http.createContext("/", exchange -> answer(exchange, 200, "text/plain; charset=utf-8", page()));
        http.start();
    }

    static SmsCatcher start(int port, String secret) throws IOException {
        return new SmsCatcher("127.0.0.1", port, secret);
    }

    /**
     * The catcher on its own, as docker-compose.yml runs it (container {@code sms-catcher}): on every
     * interface, port {@code SMS_CATCHER_PORT} (8026), checking signatures with
     * {@code LOYALTY_SMS_ACCESS_KEY_SECRET}, until the process is stopped.
     */
    public static void main(String[] args) throws Exception {
        answerWithoutDelay();
        String secret = System.getenv("LOYALTY_SMS_ACCESS_KEY_SECRET");
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("Set LOYALTY_SMS_ACCESS_KEY_SECRET (the secret notification-service signs with)");
        }
        String port = System.getenv().getOrDefault("SMS_CATCHER_PORT", "8026");
        SmsCatcher catcher = new SmsCatcher("0.0.0.0", Integer.parseInt(port), secret);
        Runtime.getRuntime().addShutdownHook(new Thread(catcher::close, "sms-catcher-stop"));
        log.info("SMS catcher listening on port {} (POST /sms; messages at /)", port);
        Thread.currentThread().join();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/sms";
    }

    synchronized int received() {
        return caught.size();
    }

    private void receive(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "application/json", "{\"Code\":\"MethodNotAllowed\"}");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> unsigned = new TreeMap<>(form);
        String signature = unsigned.remove("Signature");
        if (signature == null || !signature.equals(SmsGateway.signature("POST", secret, unsigned))) {
            answer(exchange, 403, "application/json", "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"bad signature\"}");
            return;
        }
        String outId = form.getOrDefault("OutId", UUID.randomUUID().toString());
        synchronized (this) {
            if (byOutId.containsKey(outId)) {
                repeated++;
            } else {
                Map<String, String> params = params(form.get("TemplateParam"));
                Caught sms = new Caught(Instant.now(), form.get("PhoneNumbers"), form.get("SignName"),
                        form.get("TemplateCode"), outId, params, text(form.get("TemplateCode"), params));
                caught.add(sms);
                byOutId.put(outId, sms);
                log.info("SMS to {}: 【{}】{}", ContactDetails.maskPhone(sms.phone()), sms.signName(), sms.text());
            }
        }
        answer(exchange, 200, "application/json", "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\""
                + UUID.randomUUID() + "\",\"RequestId\":\"" + UUID.randomUUID() + "\"}");
    }

    /** The text a template code makes of its parameters: SMS_POINTS_REDEEMED is points-redeemed. */
    private String text(String templateCode, Map<String, String> params) {
        if (templateCode == null || !templateCode.startsWith("SMS_")) {
            return "(template " + templateCode + ") " + params;
        }
        String trigger = templateCode.substring(4).toLowerCase(Locale.ROOT).replace('_', '-');
        try {
            return templates.render(trigger, Channel.SMS, Locale.forLanguageTag("zh-CN"), new LinkedHashMap<>(params)).text();
        } catch (RuntimeException e) {
            return "(template " + templateCode + ") " + params;
        }
    }

    private synchronized String page() {
        StringBuilder text = new StringBuilder();
        text.append(caught.size()).append(" SMS received");
        if (repeated > 0) {
            text.append(" (and ").append(repeated).append(" repeated under an id already received, not kept)");
        }
        text.append('\n');
        for (Caught sms : caught) {
            text.append("\n----------------------------------------\n")
                    .append("To:       ").append(sms.phone()).append('\n')
                    .append("At:       ").append(sms.at()).append('\n')
                    .append("Template: ").append(sms.templateCode()).append("  OutId: ").append(sms.outId()).append('\n')
                    .append("Params:   ").append(sms.params()).append("\n\n")
                    .append('【').append(sms.signName()).append('】').append(sms.text()).append('\n');
        }
        return text.toString();
    }

    private static Map<String, String> params(String json) {
        Map<String, String> params = new LinkedHashMap<>();
        if (json == null) {
            return params;
        }
        try {
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(json)
                    .fields()
                    .forEachRemaining(field -> params.put(field.getKey(), field.getValue().asText()));
        } catch (IOException e) {
            params.put("unreadable", json);
        }
        return params;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
    }

    /**
     * The JDK's HTTP server sends a response's headers and body in two writes with Nagle's algorithm on,
     * so each answer waits for the client's delayed acknowledgement (about 40 ms on Linux): four
     * connections could not take more than about 60 SMS a second. Must be set before the first
     * HTTP server of the process starts.
     */
    static void answerWithoutDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
}
