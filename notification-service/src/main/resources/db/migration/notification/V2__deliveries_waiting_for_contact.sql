-- An email about a member whose contact details are not known yet waits in the delivery log
-- (WAITING_FOR_CONTACT) instead of holding up its partition: the row claims the unique
-- (cause, channel, template) key and keeps the event it is about, to be written once the
-- registration arrives. The payload is cleared when the delivery leaves WAITING_FOR_CONTACT.
alter table notification_delivery alter column status type varchar(32);
alter table notification_delivery add column payload text;

create index notification_delivery_waiting on notification_delivery (member_id)
    where status = 'WAITING_FOR_CONTACT';
