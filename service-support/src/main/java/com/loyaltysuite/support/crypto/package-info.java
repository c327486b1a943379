/**
 * Crypto-shredding of members' personal data (ADR 9): the cipher and the table of data keys. Used by
 * member-service (which makes the keys and seals) and by consumers that keep contact data (which open
 * with copies of the keys from {@code loyalty.member-keys.v1}). A consumer sets
 * {@code loyalty.member-keys.consume=true} and adds the {@code member_data_key} table to its migrations:
 * {@link com.loyaltysuite.support.crypto.MemberKeysAutoConfiguration} then declares the
 * {@link com.loyaltysuite.support.crypto.MemberKeys} bean and the key listener. A record sealed with a key
 * not here yet throws {@link com.loyaltysuite.support.crypto.DataKeyNotYetKnownException}, retried until
 * the key arrives. member-service declares its own bean.
 */
package com.loyaltysuite.support.crypto;
