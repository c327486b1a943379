-- Every consent in force and every change of one, per channel and purpose, with its time and source
-- (ConsentHistoryProjection); rebuilt from the event store on reset.
create table consent_history (
    event_id        varchar(255) not null,
    member_id       varchar(128) not null,
    sequence_number bigint       not null,
    channel         varchar(16)  not null,
    purpose         varchar(16)  not null,
    granted         boolean      not null,
    source          varchar(160),
    changed_at      timestamptz  not null,
    primary key (event_id, channel, purpose)
);

create index consent_history_member on consent_history (member_id, sequence_number desc);
