-- The balance splits into available, pending, reserved and debt; expiry buckets feed "expiring soon".
-- last_sequence (the account event's sequence number) keeps the projection idempotent on replay.
alter table points_balance
    add column available     bigint not null default 0,
    add column pending       bigint not null default 0,
    add column reserved      bigint not null default 0,
    add column debt          bigint not null default 0,
    add column expiries      text   not null default '',
    add column last_sequence bigint not null default -1;

-- Every movement with its cause; newest first is the account's own event order.
alter table points_ledger_entry
    add column sequence_number bigint not null default 0,
    add column reference       varchar(255),
    add column cause           varchar(512),
    add column reason          varchar(512),
    add column operator_id     varchar(128),
    add column causation_id    varchar(255),
    add column expires_at      timestamptz;

drop index points_ledger_entry_member;
create index points_ledger_entry_member on points_ledger_entry (member_id, sequence_number desc);
