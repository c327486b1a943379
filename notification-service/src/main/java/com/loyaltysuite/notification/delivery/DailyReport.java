package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily business report (营业汇报, trigger {@value #NAME}): each morning at
 * {@code loyalty.notification.report.send-at} in the programme's zone, yesterday's figures
 * ({@link DailyFigures}) are emailed to the configured merchant addresses. Deciding it claims the day
 * in {@code daily_report}, so whichever instance looks first sends it and no day is sent twice; the
 * email is then a delivery like any other, sent by the email dispatcher with its retries.
 */
@Component
public class DailyReport implements OperationalMessage {

    static final String NAME = "daily-report";
    static final String RECIPIENTS = "merchants";

    private final DailyFigures figures;
    private final JdbcTemplate jdbc;
    private final NotificationProperties properties;
    private final Clock clock;
    private final Notifier notifier;

    DailyReport(
            DailyFigures figures,
            JdbcTemplate jdbc,
            NotificationProperties properties,
            Clock clock,
            Notifier notifier) {
        this.figures = figures;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.notifier = notifier;
    }

    /** Looks whether yesterday's report is due and not decided yet; decides it if so. */
    @Scheduled(
            fixedDelayString = "${loyalty.notification.report.check-interval:PT1M}",
            initialDelayString = "${loyalty.notification.report.check-interval:PT1M}")
    public void sendWhenDue() {
        NotificationProperties.ReportSettings report = properties.report();
        if (report.recipients().isEmpty() || !properties.enabled(NAME)) {
            return;
        }
        LocalDateTime local = LocalDateTime.ofInstant(clock.instant(), properties.zone());
        if (local.toLocalTime().isBefore(report.sendAt())) {
            return;
        }
        decide(local.toLocalDate().minusDays(1));
    }

    /** @return false when the day's report was already decided */
    @Transactional
    public boolean decide(LocalDate day) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String cause = NAME + ":" + day;
        String id = MessageIds.of(cause, Channel.EMAIL, NAME);
        int claimed = jdbc.update(
                "insert into daily_report (day, notification_id, decided_at) values (?, ?, ?) on conflict (day) do nothing",
                Date.valueOf(day),
                id,
                Timestamp.from(now));
        if (claimed == 0) {
            return false;
        }
        Map<String, String> facts = new LinkedHashMap<>(figures.of(day));
        facts.put("day", day.toString());
        notifier.recordForRecipients(
                this, id, RECIPIENTS, properties.report().programId(), cause, properties.report().recipients(), facts, now);
        return true;
    }

    @Override
    public String name() {
        return NAME;
    }
}
