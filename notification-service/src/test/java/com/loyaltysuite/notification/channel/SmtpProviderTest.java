package com.loyaltysuite.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP provider against a tiny real SMTP server that answers the end of DATA with the replies a
 * test lines up (451 greylisting, 550 refusal, then 250), so the classification is the server's.
 */
class SmtpProviderTest {

    ScriptedSmtpServer server;
    SmtpProvider provider;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedSmtpServer();
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(server.port());
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        mail.setJavaMailProperties(properties);
        provider = new SmtpProvider(mail, "loyalty@shop.example");
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void a451IsTransientAndTheRetryGoesOutUnderTheSameMessageId() {
        server.replyToData("451 4.7.1 Greylisted, please try again later", "250 2.0.0 queued");
        OutgoingMessage message = message("5d9f3c1e-0000-5000-8000-000000000001");

        assertThatThrownBy(() -> provider.send(message))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("451");
        assertThat(provider.send(message)).isEqualTo(new SendResult.Sent("<5d9f3c1e-0000-5000-8000-000000000001@loyalty.notification>"));

        assertThat(server.messages()).hasSize(2);
        assertThat(server.messages()).allSatisfy(data -> assertThat(data)
                .contains("Message-ID: <5d9f3c1e-0000-5000-8000-000000000001@loyalty.notification>")
                .contains("X-Loyalty-Notification-Id: 5d9f3c1e-0000-5000-8000-000000000001"));
    }

    @Test
    void a421And450AreTransientToo() {
        server.replyToData("421 4.3.2 Service shutting down", "450 4.2.1 Mailbox busy");

        assertThatThrownBy(() -> provider.send(message("id-1"))).isInstanceOf(ProviderUnavailableException.class);
        assertThatThrownBy(() -> provider.send(message("id-2"))).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void a5xxIsARefusalForGood() {
        server.replyToData("550 5.7.1 Message rejected");

        assertThat(provider.send(message("id-3")))
                .isInstanceOfSatisfying(SendResult.Rejected.class, rejected -> assertThat(rejected.reason()).contains("550"));
    }

    @Test
    void aServerThatIsNotThereIsTransient() throws IOException {
        server.close();

        assertThatThrownBy(() -> provider.send(message("id-4"))).isInstanceOf(ProviderUnavailableException.class);
    }

    /** A server on its way down takes the connection and closes it unanswered: JavaMail's "bad greeting … [EOF]". */
    @Test
    void aServerThatHangsUpBeforeGreetingIsTransient() throws Exception {
        try (ServerSocket hangingUp = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            executor.submit(() -> {
                while (!hangingUp.isClosed()) {
                    try (Socket client = hangingUp.accept()) {
                        // closed at once, without a greeting
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(hangingUp.getLocalPort());
            SmtpProvider hungUpOn = new SmtpProvider(mail, "loyalty@shop.example");

            assertThatThrownBy(() -> hungUpOn.send(message("id-5")))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("EOF");
            executor.shutdownNow();
        }
    }

    private static OutgoingMessage message(String id) {
        return new OutgoingMessage(id, "zhang@example.com", "tier-changed", "恭喜您升级为银牌会员", "尊敬的张三：", Map.of());
    }

    /** Speaks just enough SMTP for one client at a time. */
    static final class ScriptedSmtpServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final ExecutorService executor = Executors.newSingleThreadExecutor();
        private final List<String> replies = new CopyOnWriteArrayList<>();
        private final AtomicInteger next = new AtomicInteger();
        private final List<String> messages = new CopyOnWriteArrayList<>();

        ScriptedSmtpServer() throws IOException {
            executor.submit(this::serve);
        }

        int port() {
            return socket.getLocalPort();
        }

        void replyToData(String... lines) {
            replies.addAll(List.of(lines));
        }

        List<String> messages() {
            return messages;
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept();
                        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
                    reply(out, "220 scripted ESMTP");
                    String line;
                    while ((line = in.readLine()) != null) {
                        String command = line.toUpperCase();
                        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                            reply(out, "250 scripted");
                        } else if (command.startsWith("DATA")) {
                            reply(out, "354 go ahead");
                            List<String> data = new ArrayList<>();
                            while ((line = in.readLine()) != null && !line.equals(".")) {
                                data.add(line);
                            }
                            messages.add(String.join("\n", data));
                            int index = next.getAndIncrement();
                            reply(out, index < replies.size() ? replies.get(index) : "250 2.0.0 queued");
                        } else if (command.startsWith("QUIT")) {
                            reply(out, "221 bye");
                            break;
                        } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                            reply(out, "250 ok");
                        } else {
                            reply(out, "250 ok");
                        }
                    }
                } catch (IOException e) {
                    // closed, or the client went away: wait for the next one
                }
            }
        }

        private static void reply(Writer out, String line) throws IOException {
            out.write(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            executor.shutdownNow();
        }
    }
}
