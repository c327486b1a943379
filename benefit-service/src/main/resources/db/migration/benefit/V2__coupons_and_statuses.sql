-- Coupons, standing benefits and their statuses in MemberBenefitsProjection's member_benefit.
alter table member_benefit
    add column valid_from        timestamptz,
    add column face_value        numeric(19, 2),
    add column min_spend         numeric(19, 2),
    add column currency          varchar(3),
    add column channels          varchar(256),
    add column tier_exclusive    boolean not null default false,
    add column price_factor      numeric(6, 4),
    add column code_hash         varchar(64),
    add column catalogue_version varchar(64),
    add column status_reason     varchar(64),
    add column status_at         timestamptz,
    -- the member_sequence of the event that set the status: a replayed, older change never overwrites it
    add column status_sequence   bigint not null default -1;

-- A coupon is found by the SHA-256 of its code; codes carry 100 random bits, so hashes do not collide.
create unique index member_benefit_code_hash on member_benefit (code_hash) where code_hash is not null;
