-- The member's language and time zone, set by a profile change (null until then).
alter table member_profile
    add column locale    varchar(35),
    add column time_zone varchar(64);
