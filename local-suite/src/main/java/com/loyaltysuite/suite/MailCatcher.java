package com.loyaltysuite.suite;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.loyaltysuite.support.security.ContactDetails;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server (GreenMail) that keeps every mail it receives, logs each one, and shows them
 * all as plain text at {@code http://127.0.0.1:<httpPort>/}.
 */
final class MailCatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

    private final GreenMail smtp;
    private final HttpServer http;
    private final ScheduledExecutorService announcer = Executors.newSingleThreadScheduledExecutor();
    private final java.util.Set<String> announced = new java.util.HashSet<>();

    private MailCatcher(int smtpPort, int httpPort) throws IOException {
        // GreenMail logs each address it makes a mailbox for at INFO.
        if (org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail") instanceof ch.qos.logback.classic.Logger greenmail) {
            greenmail.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
        http.createContext("/", exchange -> {
            byte[] body = render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        announcer.scheduleWithFixedDelay(this::announceNewMail, 1, 1, TimeUnit.SECONDS);
    }

    static MailCatcher start(int smtpPort, int httpPort) throws IOException {
        return new MailCatcher(smtpPort, httpPort);
    }

    int received() {
        return smtp.getReceivedMessages().length;
    }

    /** GreenMail lists mails by mailbox, not by arrival, so new ones are told apart by Message-ID. */
    private void announceNewMail() {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (announced.add(message.getMessageID())) {
                    // Logs are no place for addresses, even a demo's; the mail page shows them in full.
                    log.info("MAIL to {}: {}", maskedRecipients(message), message.getSubject());
                }
            } catch (MessagingException e) {
                log.warn("Could not read a received mail", e);
            }
        }
    }

    private String render() {
        StringBuilder text = new StringBuilder();
        MimeMessage[] messages = smtp.getReceivedMessages();
        text.append(messages.length).append(" mail(s) received\n");
        for (MimeMessage message : messages) {
            try {
                text.append("\n----------------------------------------\n")
                        .append("From:    ").append(String.valueOf(message.getFrom()[0])).append('\n')
                        .append("To:      ").append(recipients(message)).append('\n')
                        .append("Date:    ").append(message.getSentDate()).append('\n')
                        .append("Subject: ").append(message.getSubject()).append("\n\n")
                        .append(message.getContent()).append('\n');
            } catch (MessagingException | IOException e) {
                text.append("(unreadable mail: ").append(e.getMessage()).append(")\n");
            }
        }
        return text.toString();
    }

    private static String maskedRecipients(MimeMessage message) throws MessagingException {
        var to = message.getRecipients(Message.RecipientType.TO);
        return to == null
                ? "-"
                : String.join(", ", java.util.Arrays.stream(to)
                        .map(address -> ContactDetails.maskEmail(String.valueOf(address)))
                        .toList());
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        var to = message.getRecipients(Message.RecipientType.TO);
        return to == null ? "-" : String.join(", ", java.util.Arrays.stream(to).map(String::valueOf).toList());
    }

    @Override
    public void close() {
        announcer.shutdownNow();
        http.stop(0);
        smtp.stop();
    }
}
