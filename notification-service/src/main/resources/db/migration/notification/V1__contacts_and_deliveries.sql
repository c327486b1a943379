-- What notification-service knows of how to reach a member: projected from loyalty.members.v1.
-- Erasure blanks the personal columns and keeps the row, so a late event cannot bring them back.
create table member_contact (
    member_id     varchar(128) primary key,
    program_id    varchar(128) not null,
    name          varchar(100),
    mobile        varchar(32),
    email         varchar(254),
    sms_consent   boolean      not null,
    email_consent boolean      not null,
    updated_at    timestamptz  not null,
    erased_at     timestamptz
);

-- Every message decided on, sent, skipped or failed. One row per (cause, channel, template): a
-- redelivered or re-sent event finds its row and never mails twice.
create table notification_delivery (
    notification_id varchar(64)   primary key,
    member_id       varchar(128)  not null,
    program_id      varchar(128)  not null,
    channel         varchar(16)   not null,
    template        varchar(64)   not null,
    causation_id    varchar(255)  not null,
    status          varchar(16)   not null,
    reason          varchar(1024),
    recipient       varchar(254),
    recorded_at     timestamptz   not null,
    constraint notification_delivery_once unique (causation_id, channel, template)
);

create index notification_delivery_member on notification_delivery (member_id, recorded_at desc);
