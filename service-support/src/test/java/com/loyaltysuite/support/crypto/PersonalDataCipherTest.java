package com.loyaltysuite.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.PersonalData;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final PersonalData DATA = new PersonalData("韩梅梅", "+8613800138000", "meimei@example.com", LocalDate.of(1990, 5, 17));

    final byte[] key = PersonalDataCipher.newKey();

    @Test
    void whatIsSealedOpensWithTheSameKeyForTheSameMemberAndShowsNothingInClear() {
        String sealed = PersonalDataCipher.seal(MEMBER, key, DATA);

        // Whole values only: a short one ("1990") turns up in random base64 about one run in ten.
        assertThat(sealed)
                .startsWith("v1.")
                .doesNotContain("+8613800138000", "meimei@example.com", "1990-05-17", "韩梅梅");
        assertThat(PersonalDataCipher.open(MEMBER, key, sealed)).hasValue(DATA);
        assertThat(PersonalDataCipher.seal(MEMBER, key, DATA)).as("a fresh IV each time").isNotEqualTo(sealed);
    }

    @Test
    void anotherKeyAnotherMemberOrATamperedValueOpenNothing() {
        String sealed = PersonalDataCipher.seal(MEMBER, key, DATA);
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThat(PersonalDataCipher.open(MEMBER, PersonalDataCipher.newKey(), sealed)).isEmpty();
        assertThat(PersonalDataCipher.open(MemberId.of("M-2"), key, sealed)).isEmpty();
        assertThat(PersonalDataCipher.open(MEMBER, key, tampered)).isEmpty();
        assertThat(PersonalDataCipher.open(MEMBER, key, "not sealed")).isEmpty();
        assertThat(PersonalDataCipher.open(MEMBER, key, null)).isEmpty();
    }

    @Test
    void keysAre256BitsAndNeverRepeat() {
        assertThat(key).hasSize(32);
        assertThat(PersonalDataCipher.newKey()).isNotEqualTo(key);
    }
}
