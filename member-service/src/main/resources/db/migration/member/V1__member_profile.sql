-- The member profile read model (MemberProfileProjection); rebuilt from the event store on reset.
create table member_profile (
    member_id     varchar(128) primary key,
    program_id    varchar(128) not null,
    name          varchar(100) not null,
    mobile        varchar(32),
    email         varchar(254),
    birthday      date,
    sms_consent   boolean      not null,
    email_consent boolean      not null,
    registered_at timestamptz  not null,
    updated_at    timestamptz  not null
);
