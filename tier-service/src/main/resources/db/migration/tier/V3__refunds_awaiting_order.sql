-- MemberTierProjection: refunds that overtook their order (another topic) and wait for it; a row
-- goes when the order is counted and the refund applied.
create table refund_awaiting_order (
    member_id   varchar(128) not null,
    refund_id   varchar(128) not null,
    order_id    varchar(128) not null,
    amount      numeric      not null,
    unit        varchar(16)  not null,
    refunded_at timestamptz  not null,
    primary key (member_id, refund_id)
);
