-- The member's status (ACTIVE, FROZEN, CLOSED) in the profile read model; rebuilt from the event store on reset.
alter table member_profile
    add column status varchar(16) not null default 'ACTIVE';
