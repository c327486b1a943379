package com.loyaltysuite.notification.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.Channel;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SMS through an HTTP gateway modelled on Aliyun's {@code SendSms} (RPC style, version 2017-05-25):
 * one form-encoded POST per message with the sign name, the template code, the template parameters as
 * JSON, the mobile number, {@code OutId} = the notification id (our idempotency key: the same on
 * every try), and a signature: Base64 of HMAC-SHA1, keyed with the secret and {@code &}, over
 * {@code POST&%2F&} and the percent-encoded, sorted parameters.
 *
 * <p>The answer decides: HTTP 200 with {@code Code: OK} → sent; HTTP 429 or 5xx, a timeout, a refused
 * connection, a throttling or system code ({@code isv.BUSINESS_LIMIT_CONTROL}, {@code Throttling…},
 * {@code isp.…}) or refused credentials (401, 403, {@code InvalidAccessKeyId…}, {@code SignatureDoesNotMatch})
 * → {@link ProviderUnavailableException}; any other code (a bad number, a template not approved) → rejected.
 */
public class SmsGateway implements Provider {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "InvalidAccessKeyId.NotFound",
            "SignatureDoesNotMatch", "SignatureNonceUsed", "InvalidTimeStamp.Expired", "ServiceUnavailable");

    private final SmsGatewaySettings settings;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper json;

    public SmsGateway(SmsGatewaySettings settings, Duration timeout, Clock clock, ObjectMapper json) {
        this.settings = settings;
        this.timeout = timeout;
        this.clock = clock;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        String body = form(signed(parameters(message)));
        HttpRequest request = HttpRequest.newBuilder(settings.baseUrl())
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ProviderUnavailableException("SMS gateway did not answer within " + timeout, e);
        } catch (IOException e) {
            throw new ProviderUnavailableException("SMS gateway unreachable: " + e, e);
        } catch (InterruptedException e) {
            throw new ProviderUnavailableException("interrupted while sending", e);
        }
        return answer(response.statusCode(), response.body());
    }

    SendResult answer(int status, String body) {
        String code = field(body, "Code");
        String text = field(body, "Message");
        String detail = "HTTP " + status + (code == null ? "" : " " + code) + (text == null ? "" : ": " + text);
        if (status == 429 || status >= 500 || status == 401 || status == 403) {
            throw new ProviderUnavailableException("SMS gateway unavailable: " + detail);
        }
        if (status == 200 && "OK".equalsIgnoreCase(code)) {
            return new SendResult.Sent(field(body, "BizId"));
        }
        if (code != null && (TRANSIENT_CODES.contains(code) || code.startsWith("isp.") || code.startsWith("Throttling"))) {
            throw new ProviderUnavailableException("SMS gateway unavailable: " + detail);
        }
        return new SendResult.Rejected("SMS gateway refused the message: " + detail);
    }

    Map<String, String> parameters(OutgoingMessage message) {
        Map<String, String> p = new TreeMap<>();
        p.put("AccessKeyId", settings.accessKeyId());
        p.put("Action", "SendSms");
        p.put("Format", "JSON");
        p.put("OutId", message.notificationId());
        p.put("PhoneNumbers", message.recipient());
        p.put("RegionId", settings.regionId());
        p.put("SignName", settings.signName());
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("SignatureVersion", "1.0");
        p.put("TemplateCode", settings.templateCode(message.template()));
        p.put("TemplateParam", templateParam(message.params()));
        p.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        p.put("Version", "2017-05-25");
        return p;
    }

    /** The parameters with their {@code Signature} added. */
    Map<String, String> signed(Map<String, String> parameters) {
        Map<String, String> sorted = new TreeMap<>(parameters);
        sorted.remove("Signature");
        Map<String, String> signed = new TreeMap<>(sorted);
        signed.put("Signature", signature("POST", settings.accessKeySecret(), sorted));
        return signed;
    }

    /** Aliyun's RPC signature over the sorted parameters, for a request of {@code method} (we POST). */
    public static String signature(String method, String secret, Map<String, String> parameters) {
        String canonical = new TreeMap<>(parameters).entrySet().stream()
                .map(e -> percent(e.getKey()) + "=" + percent(e.getValue()))
                .collect(Collectors.joining("&"));
        String toSign = method + "&" + percent("/") + "&" + percent(canonical);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 unavailable", e);
        }
    }

    /** RFC 3986 encoding as the gateway wants it: space as %20, * as %2A, ~ kept. */
    static String percent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> percent(e.getKey()) + "=" + percent(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private String templateParam(Map<String, String> params) {
        try {
            return json.writeValueAsString(new TreeMap<>(params));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("template parameters cannot be written as JSON", e);
        }
    }

    private String field(String body, String name) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body).get(name);
            return node == null || node.isNull() ? null : node.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
