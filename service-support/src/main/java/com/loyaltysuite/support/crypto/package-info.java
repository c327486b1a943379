/**
 * Crypto-shredding of members' personal data (ADR 9): the cipher and the table of data keys. Used by
 * member-service (which makes the keys and seals) and by consumers that keep contact data (which open
 * with copies of the keys from {@code loyalty.member-keys.v1}). Not configured automatically: a service
 * that needs it declares a {@link com.loyaltysuite.support.crypto.MemberKeys} bean and the table.
 */
package com.loyaltysuite.support.crypto;
