package com.loyaltysuite.benefit.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouponCodesTest {

    final CouponCodes codes = new CouponCodes(Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    void aCodeIsTwentyReadableCharactersOfOneHundredRandomBits() {
        String code = codes.newCode();

        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
        assertThat(CouponCodes.ALPHABET).hasSize(32).doesNotContain("I", "L", "O", "U");
        assertThat(Math.log(Math.pow(CouponCodes.ALPHABET.length(), CouponCodes.CHARACTERS)) / Math.log(2)).isGreaterThanOrEqualTo(100);
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(codes.newCode());
        }
        assertThat(many).hasSize(10_000);
    }

    @Test
    void theHashForgivesWhatPeopleMistypeAndHidesTheCode() {
        String code = "7KQM-2D9X-HV4T-B8NP-W3RJ";

        assertThat(CouponCodes.hash("7kqm 2d9x hv4t b8np w3rj")).isEqualTo(CouponCodes.hash(code));
        assertThat(CouponCodes.hash("0000-1111")).isEqualTo(CouponCodes.hash("OOOO-IlIL"));
        assertThat(CouponCodes.hash(code)).hasSize(64).doesNotContain("7KQM");
    }

    @Test
    void aSealedCodeOpensOnlyWithTheSameKey() {
        String code = codes.newCode();
        String sealed = codes.seal(code);

        assertThat(sealed).doesNotContain(code);
        assertThat(codes.open(sealed)).contains(code);
        assertThat(new CouponCodes(null).open(sealed)).isEmpty();
        assertThat(codes.open(null)).isEmpty();
    }
}
