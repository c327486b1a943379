-- Copies of the members' data keys from loyalty.member-keys.v1 (ADR 9): they open the sealed personal
-- fields of member events. An erased member's row keeps no key material.
create table member_data_key (
    member_id   varchar(128) primary key,
    data_key    bytea,
    created_at  timestamptz not null,
    shredded_at timestamptz
);
