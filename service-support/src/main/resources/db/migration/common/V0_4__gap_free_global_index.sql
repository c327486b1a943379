-- The event store's global index is taken by the database, one at a time, when an event row is
-- inserted (Axon's JdbcEventStorageEngine leaves the column out of its inserts). Until now each
-- instance reserved blocks of 50 (Hibernate's pooled ids) and could use a low index long after
-- another instance had committed higher ones: a tracking processor that had already passed that
-- gap gave up on it and never saw the event. Increment 1 with no caching (Axon's guidance for
-- RDBMS event stores) leaves only the short window between an insert and its commit.
--
-- Existing rows keep their indexes: every index handed out so far is at most the sequence's
-- current value, and the next one is that value + 1. Stop every instance of a service before its
-- first start with this migration; an older instance would still reserve blocks of 50 and collide.

alter sequence domain_event_entry_seq increment by 1 cache 1;
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
