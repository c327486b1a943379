package com.loyaltysuite.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class ContactDetailsTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void phonesKeepTheirStartAndLastFourDigits() {
        assertThat(ContactDetails.maskPhone("13800000000")).isEqualTo("138****0000");
        assertThat(ContactDetails.maskPhone("+8613800138000")).isEqualTo("+86138****8000");
        assertThat(ContactDetails.maskPhone("1234567")).isEqualTo("*******");
        assertThat(ContactDetails.maskPhone(null)).isNull();
    }

    @Test
    void emailsKeepTheirFirstLetterAndDomain() {
        assertThat(ContactDetails.maskEmail("li.lei@example.com")).isEqualTo("l***@example.com");
        assertThat(ContactDetails.maskEmail("@nohost")).isEqualTo("***");
        assertThat(ContactDetails.mask("han.meimei@example.com")).isEqualTo("h***@example.com");
        assertThat(ContactDetails.mask("13900139000")).isEqualTo("139****9000");
    }

    @Test
    void theMemberThemselfAndStaffWhoActSeeContactsInFull() {
        signIn("M-1", Scopes.MEMBER);
        assertThat(ContactDetails.shownInFullTo("M-1")).isTrue();
        assertThat(ContactDetails.shownInFullTo("M-2")).isFalse();

        signIn("agent", Scopes.SUPPORT_WRITE);
        assertThat(ContactDetails.shownInFullTo("M-2")).isTrue();

        signIn("viewer", Scopes.SUPPORT_READ);
        assertThat(ContactDetails.shownInFullTo("M-2")).isFalse();
    }

    private static void signIn(String subject, String scope) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(
                        subject, null, List.of(new SimpleGrantedAuthority(Scopes.authority(scope)))));
    }
}
