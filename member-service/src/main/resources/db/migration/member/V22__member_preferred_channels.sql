-- The channels a member wants to be told on (comma-separated SMS, EMAIL); null: any they consented to.
alter table member_profile add column preferred_channels varchar(32);
