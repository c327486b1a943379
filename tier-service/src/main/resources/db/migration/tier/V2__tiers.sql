-- Tiers with validity, demotion and manual tiers. The read model is rebuilt from the event store:
-- its table is recreated and the projection's tracking token dropped so that it replays.
drop table member_tier;
delete from token_entry where processor_name = 'member-tier';

-- MemberTierProjection: each member's standing (tier in force, validity, manual tier, earned tier).
create table member_tier (
    member_id          varchar(128) primary key,
    program_id         varchar(128) not null,
    tier               varchar(32)  not null,
    since              timestamptz  not null,
    valid_until        timestamptz,
    qualifying_value   numeric      not null,
    unit               varchar(16)  not null,
    earned_tier        varchar(32)  not null,
    earned_valid_until timestamptz,
    manual_tier        varchar(32),
    manual_mode        varchar(8),
    manual_reason      varchar(500),
    manual_operator    varchar(128),
    manual_until       timestamptz,
    manual_assigned_at timestamptz,
    policy_version     varchar(64)  not null,
    updated_at         timestamptz  not null,
    last_sequence      bigint       not null
);

create index member_tier_by_tier on member_tier (tier);

-- MemberTierProjection: each qualifying order at its business time, net of refunds, so the view
-- can count any window at any instant.
create table member_tier_order (
    member_id     varchar(128) not null,
    order_id      varchar(128) not null,
    value         numeric      not null,
    paid_at       timestamptz  not null,
    last_sequence bigint       not null,
    primary key (member_id, order_id)
);

-- TierHistoryProjection: every decision about a member's tier with what it was based on.
create table tier_decision (
    event_id         varchar(255) primary key,
    member_id        varchar(128) not null,
    sequence_number  bigint       not null,
    kind             varchar(32)  not null,
    from_tier        varchar(32),
    to_tier          varchar(32),
    qualifying_value numeric,
    unit             varchar(16),
    window_kind      varchar(16),
    window_from      timestamptz,
    window_to        timestamptz,
    policy_version   varchar(64),
    decided_at       timestamptz  not null,
    valid_until      timestamptz,
    grace_ends_at    timestamptz,
    causation_ids    text         not null,
    operator_id      varchar(128),
    manual_mode      varchar(8),
    note             varchar(500)
);

create index tier_decision_member on tier_decision (member_id, sequence_number);
