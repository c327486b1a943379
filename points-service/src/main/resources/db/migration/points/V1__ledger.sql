create table points_balance (
    member_id  varchar(128) primary key,
    total      bigint      not null,
    updated_at timestamptz not null
);

create table points_ledger_entry (
    event_id      varchar(255) primary key,
    member_id     varchar(128) not null,
    kind          varchar(32)  not null,
    points        bigint       not null,
    order_id      varchar(128),
    occurred_at   timestamptz  not null,
    available_at  timestamptz,
    balance_after bigint       not null
);

create index points_ledger_entry_member on points_ledger_entry (member_id, occurred_at desc);
