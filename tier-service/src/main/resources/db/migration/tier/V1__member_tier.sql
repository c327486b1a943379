-- Read model of MemberTierProjection: one row per member with at least one qualifying order.
-- qualifying_value keeps the scale it was recorded with (numeric without a fixed scale).
create table member_tier (
    member_id        varchar(128) primary key,
    program_id       varchar(128) not null,
    tier             varchar(32)  not null,
    since            timestamptz  not null,
    valid_until      timestamptz,
    qualifying_value numeric      not null,
    currency         varchar(16)  not null,
    last_sequence    bigint       not null
);

create index member_tier_by_tier on member_tier (tier);
