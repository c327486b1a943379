-- The money behind a movement, so support can filter and sum without parsing `cause`: the order's
-- amount on an EARNED entry, the refund's amount on a REVERSED one; null where no money moved
-- (redemption, expiry, adjustment). Entries written before this column existed get theirs when the
-- points-ledger read model is rebuilt (reset its processor; see the README).
alter table points_ledger_entry
    add column amount   numeric,
    add column currency varchar(3);
