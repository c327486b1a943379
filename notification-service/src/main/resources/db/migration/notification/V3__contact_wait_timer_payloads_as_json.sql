-- Contact-wait timers (kind contact-wait-expiry) move to the typed timer API: the payload becomes the
-- JSON of NotificationTimers.ContactWaitDue, {"notificationId": ...}, instead of the bare id, and
-- the key becomes kind:member:id as DueTimers builds it (it was kind:id), so that deciding a delivery
-- parked before this change still cancels its timer. Every row of the kind is rewritten, fired or
-- not; a row already in the new form (it starts with '{') is left alone.
update due_timer
   set payload   = jsonb_build_object('notificationId', payload)::text,
       timer_key = kind || ':' || member_id || ':' || payload
 where kind = 'contact-wait-expiry'
   and payload is not null
   and left(payload, 1) <> '{';
