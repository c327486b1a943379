package com.loyaltysuite.notification.channel;

import com.loyaltysuite.events.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Email over SMTP. The message's id is its {@code Message-ID} ({@code <id@loyalty.notification>}) and
 * its {@code X-Loyalty-Notification-Id}, the same on every try, so a mail sent twice after a crash is
 * one message to anyone who deduplicates. The server's reply decides: 4xx (421, 450, 451, 452…), a
 * connection refused or timed out, credentials refused → {@link ProviderUnavailableException}, tried
 * again (so is a connection the server closed before replying, as a stopping server does); 5xx →
 * {@link SendResult.Rejected}, final.
 */
public class SmtpProvider implements Provider {

    private static final Pattern REPLY_CODE = Pattern.compile("(?:^|\\D)([2-5]\\d\\d)[ -]");

    private final JavaMailSenderImpl mail;
    private final String from;

    public SmtpProvider(JavaMailSenderImpl mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        MimeMessage mime;
        try {
            mime = compose(mail.getSession(), message);
        } catch (MessagingException e) {
            return new SendResult.Rejected("the message could not be written: " + e.getMessage());
        }
        try {
            mail.send(mime);
            return new SendResult.Sent(messageId(message.notificationId()));
        } catch (MailException e) {
            if (transientFailure(e)) {
                throw new ProviderUnavailableException("SMTP server unavailable: " + e.getMessage(), e);
            }
            return new SendResult.Rejected("SMTP server refused the message: " + e.getMessage());
        }
    }

    static String messageId(String notificationId) {
        return "<" + notificationId + "@loyalty.notification>";
    }

    private MimeMessage compose(Session session, OutgoingMessage message) throws MessagingException {
        String id = messageId(message.notificationId());
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(java.util.Arrays.stream(message.recipient().split(",")).map(String::strip).toArray(String[]::new));
        helper.setSubject(message.subject());
        helper.setText(message.text(), false);
        mime.setHeader("X-Loyalty-Notification-Id", message.notificationId());
        return mime;
    }

    /**
     * Worth trying again: a 4xx reply, the server unreachable or too slow, or our credentials refused
     * (a configuration to fix, not a reason to drop mail). A 5xx reply is final.
     */
    static boolean transientFailure(MailException e) {
        if (e instanceof MailAuthenticationException) {
            return true;
        }
        int code = replyCode(e);
        if (code >= 400 && code < 500) {
            return true;
        }
        if (code >= 500) {
            return false;
        }
        if (hasNetworkCause(e)) {
            return true;
        }
        if (e instanceof MailSendException send) {
            for (Exception failure : send.getMessageExceptions()) {
                if (hasNetworkCause(failure)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A connection the server closed before it replied: JavaMail reports the missing reply as
     * {@code [EOF]} (e.g. "Got bad greeting from SMTP host: … response: [EOF]" when a stopping server
     * took the connection but never greeted), with no socket exception behind it. The server refused
     * nothing; it was going away.
     */
    private static boolean closedBeforeReply(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t.getMessage() != null && t.getMessage().contains("[EOF]")) {
                return true;
            }
        }
        return false;
    }

    /** The SMTP reply code behind the failure, 0 when there is none. */
    static int replyCode(MailException e) {
        int code = replyCode((Throwable) e);
        if (code == 0 && e instanceof MailSendException send) {
            for (Exception failure : send.getMessageExceptions()) {
                code = replyCode(failure);
                if (code != 0) {
                    return code;
                }
            }
        }
        return code;
    }

    private static int replyCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SMTPSendFailedException sent) {
                return sent.getReturnCode();
            }
            if (t instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException sender) {
                return sender.getReturnCode();
            }
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof MessagingException && t.getMessage() != null) {
                Matcher reply = REPLY_CODE.matcher(t.getMessage());
                if (reply.find()) {
                    return Integer.parseInt(reply.group(1));
                }
            }
        }
        return 0;
    }

    private static Throwable next(Throwable t) {
        Throwable next = t instanceof MessagingException messaging && messaging.getNextException() != null
                ? messaging.getNextException()
                : t.getCause();
        return next == t ? null : next;
    }

    private static boolean hasNetworkCause(Throwable failure) {
        if (closedBeforeReply(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
