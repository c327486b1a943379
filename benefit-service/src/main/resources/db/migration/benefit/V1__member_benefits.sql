-- Read model of MemberBenefitsProjection: the benefits each member holds.
create table member_benefit (
    benefit_id      varchar(128) primary key,
    member_id       varchar(128) not null,
    program_id      varchar(128) not null,
    code            varchar(64)  not null,
    kind            varchar(32)  not null,
    tier            varchar(32),
    description     varchar(512) not null,
    status          varchar(16)  not null,
    granted_at      timestamptz  not null,
    valid_until     timestamptz,
    causation_id    varchar(255),
    member_sequence bigint       not null
);

create index member_benefit_member on member_benefit (member_id, granted_at, member_sequence);
