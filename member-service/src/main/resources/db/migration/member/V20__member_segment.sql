-- Each member's latest RFM assessment (MemberSegmentProjection); rebuilt from the event store on reset.
create table member_segment (
    member_id          varchar(128) primary key,
    program_id         varchar(128)  not null,
    segment            varchar(32)   not null,
    stage              varchar(16)   not null,
    recency_days       integer       not null,
    frequency          integer       not null,
    monetary           numeric(19, 2) not null,
    currency           varchar(3)    not null,
    recency_score      varchar(4)    not null,
    frequency_score    varchar(4)    not null,
    monetary_score     varchar(4)    not null,
    reason             varchar(1024) not null,
    first_paid_at      timestamptz   not null,
    last_paid_at       timestamptz   not null,
    policy_version     varchar(64)   not null,
    assessed_at        timestamptz   not null,
    next_assessment_at timestamptz,
    last_sequence      bigint        not null
);

-- GET /segments counts members per group and per stage.
create index member_segment_by_segment on member_segment (segment);
create index member_segment_by_stage on member_segment (stage);
