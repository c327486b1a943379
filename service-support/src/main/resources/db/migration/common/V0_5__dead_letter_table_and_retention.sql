-- Records given up on that do not fit on their dead-letter topic (at the broker's size limit once the
-- reason is added). Nothing else: ordinary dead letters go to <topic>.DLT.
create table dead_letter (
    id              bigserial primary key,
    topic           varchar(255)  not null,
    kafka_partition integer       not null,
    kafka_offset    bigint        not null,
    record_key      varchar(255),
    event_id        varchar(255),
    event_type      varchar(255),
    reason          varchar(1000) not null,
    headers         text          not null,
    payload         bytea,
    size_bytes      integer       not null,
    recorded_at     timestamptz   not null,
    unique (topic, kafka_partition, kafka_offset)
);

-- Retention prunes by age (support.retention.Retention).
create index inbox_message_processed_at on inbox_message (processed_at);
create index due_timer_fired_at on due_timer (fired_at) where fired_at is not null;
