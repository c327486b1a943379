-- Event ids each consumer has applied (effectively-once consumption). Written in the same
-- transaction as the state change the event causes.
create table inbox_message (
    consumer     varchar(64)  not null,
    event_id     varchar(255) not null,
    topic        varchar(255) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
