-- Each member's data key (crypto-shredding, ADR 9): personal fields of the member's events are sealed
-- with it. Outside the event log, so erasure can destroy it: the row stays, without key material, to say
-- the member was erased.
create table member_data_key (
    member_id   varchar(128) primary key,
    data_key    bytea,
    created_at  timestamptz not null,
    shredded_at timestamptz
);

-- After an erasure a profile keeps its row, without the personal fields.
alter table member_profile
    alter column name drop not null,
    add column erased_at timestamptz;
