-- Per-member due dates (pending points becoming available, expiry, end of tier validity, …),
-- fired close to their instant by whichever instance claims them first (FOR UPDATE SKIP LOCKED).
create table due_timer (
    id         bigserial primary key,
    kind       varchar(64)  not null,
    timer_key  varchar(255) not null unique,
    member_id  varchar(128) not null,
    due_at     timestamptz  not null,
    payload    text,
    attempts   integer      not null default 0,
    retry_at   timestamptz,
    last_error varchar(1024),
    fired_at   timestamptz
);

create index due_timer_pending on due_timer (due_at) where fired_at is null;
