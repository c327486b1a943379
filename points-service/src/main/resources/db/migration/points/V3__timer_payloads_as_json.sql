-- Timer payloads become JSON records (service-support's typed timers). Points' kinds stored a bare
-- string: the order id, the expiry instant or the reservation id; each becomes the one-field record
-- its kind reads (timers/PointsTimers). Keys are unchanged. Rows already in JSON, and other kinds, are
-- left as they are.
update due_timer set payload = jsonb_build_object('orderId', payload)::text
where kind = 'points-available' and payload is not null and payload not like '{%';

update due_timer set payload = jsonb_build_object('expiresAt', payload)::text
where kind in ('points-expiring', 'points-expiry') and payload is not null and payload not like '{%';

update due_timer set payload = jsonb_build_object('reservationId', payload)::text
where kind = 'points-reservation' and payload is not null and payload not like '{%';
