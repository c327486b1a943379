-- Consent per channel and purpose: the existing columns are the marketing consents; transactional
-- messages (about the member's own account) are consented to with membership until withdrawn.
alter table member_contact add column sms_transactional_consent boolean not null default true;
alter table member_contact add column email_transactional_consent boolean not null default true;
