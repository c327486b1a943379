-- Timer payloads become JSON records (service-support's typed timers). Tier's kinds stored the instant
-- the timer stands for as a bare ISO-8601 string; each becomes the one-field record its kind reads
-- (timers/TierTimers). Rows already in JSON, and other kinds, are left as they are.
update due_timer set payload = jsonb_build_object('at', payload)::text
where kind = 'tier-reevaluation' and payload is not null and payload not like '{%';

update due_timer set payload = jsonb_build_object('validUntil', payload)::text
where kind = 'tier-at-risk' and payload is not null and payload not like '{%';

update due_timer set payload = jsonb_build_object('until', payload)::text
where kind = 'manual-tier-end' and payload is not null and payload not like '{%';
