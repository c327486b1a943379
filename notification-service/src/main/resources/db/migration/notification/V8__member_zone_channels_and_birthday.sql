-- The member's own time zone (quiet hours, dates in their messages), the channels they prefer to be
-- told on (comma-separated, none: any they consented to), and their birthday's month and day (MM-DD,
-- for the birthday greeting; no year is kept). Cleared on erasure.
alter table member_contact add column time_zone varchar(64);
alter table member_contact add column preferred_channels varchar(32);
alter table member_contact add column birthday varchar(5);
