-- Messages leave the database outside the transaction that decides them, in three steps: the
-- consumer records the delivery PENDING; a dispatcher per channel claims it (SENDING, claimed_at,
-- FOR UPDATE SKIP LOCKED), sends it, then records the outcome. A claim left behind by a crash
-- (SENDING with an old claimed_at) is claimed again and sent again under the same notification id,
-- which the provider receives as its idempotency key.
--   event_type  the ce_type of the event the message is about (payload), to render it when sent
--   facts       JSON of what the message needs that the event does not carry (e.g. the balance after)
--   not_before  when it may be sent: the end of quiet hours for a marketing message, or the next try
--               after a transient failure; null = at once
--   claimed_at  when a dispatcher claimed it (SENDING)
--   attempts    how many times it was claimed
alter table notification_delivery add column event_type varchar(64);
alter table notification_delivery add column facts text;
alter table notification_delivery add column not_before timestamptz;
alter table notification_delivery add column claimed_at timestamptz;
alter table notification_delivery add column attempts integer not null default 0;

create index notification_delivery_due on notification_delivery (channel, not_before)
    where status in ('PENDING', 'SENDING');

-- What notification-service has seen of each member's points balance (available + pending + reserved
-- - debt, as points-service defines it), from the points events: the balance after an order in the
-- transaction alert (交易提醒).
create table member_points_balance (
    member_id  varchar(128) primary key,
    balance    bigint       not null,
    updated_at timestamptz  not null
);
