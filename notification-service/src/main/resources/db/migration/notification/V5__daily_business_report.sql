-- The daily business report (营业汇报): the day's figures, counted as the events are consumed (in the
-- transaction that applies each event, so a redelivered event counts once), by the calendar day of the
-- event's business time in the programme's zone; and one row per day a report was decided for, which
-- is how two instances never send the same day's report twice.
create table daily_figure (
    day    date           not null,
    figure varchar(32)    not null,
    value  numeric(19, 2) not null,
    primary key (day, figure)
);

create table daily_report (
    day             date        primary key,
    notification_id varchar(64) not null,
    decided_at      timestamptz not null
);
