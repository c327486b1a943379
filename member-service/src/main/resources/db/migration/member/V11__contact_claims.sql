-- One member per mobile number and per email address. A claim is written by ContactClaims in the
-- transaction that records the registration or profile change, so a second member's claim of the same
-- value (on any instance) waits for the first transaction and then fails: the unique key decides.
-- Values are normalised: mobile numbers in E.164, email addresses in lower case.
create table contact_claim (
    kind      varchar(16)  not null,
    value     varchar(254) not null,
    member_id varchar(128) not null,
    primary key (kind, value)
);

create index contact_claim_member on contact_claim (member_id);

-- Members registered before claims existed keep their contact details (the first registered wins).
insert into contact_claim (kind, value, member_id)
select 'mobile', mobile, member_id from member_profile where mobile is not null order by registered_at
on conflict do nothing;

insert into contact_claim (kind, value, member_id)
select 'email', lower(email), member_id from member_profile where email is not null order by registered_at
on conflict do nothing;
