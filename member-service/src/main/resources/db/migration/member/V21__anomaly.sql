-- Detected anomalies (AnomalyProjection), one row per AnomalyRecorded event; rebuilt from the event store on reset.
create table anomaly (
    event_id     varchar(64)   primary key,
    member_id    varchar(128)  not null,
    program_id   varchar(128)  not null,
    rule         varchar(32)   not null,
    window_start timestamptz   not null,
    window_end   timestamptz   not null,
    order_ids    varchar(128)[] not null,
    observed     varchar(64)   not null,
    threshold    varchar(64)   not null,
    unit         varchar(32)   not null,
    description  varchar(1024) not null,
    detected_at  timestamptz   not null
);

-- GET /anomalies lists newest first, for every rule or one.
create index anomaly_by_detected on anomaly (detected_at desc, event_id);
create index anomaly_by_rule on anomaly (rule, detected_at desc, event_id);
