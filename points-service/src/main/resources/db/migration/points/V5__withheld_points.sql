-- Points of orders paid while the member was frozen or closed (not part of the balance).
alter table points_balance
    add column withheld bigint not null default 0;
