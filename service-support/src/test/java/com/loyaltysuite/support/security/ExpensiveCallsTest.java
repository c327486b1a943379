package com.loyaltysuite.support.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class ExpensiveCallsTest {

    final ExpensiveCalls calls = new ExpensiveCalls(2, Duration.ofHours(1));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void callsBeyondACallersAllowanceAreRefusedAtOnce() {
        signIn("ops-1");

        assertThatCode(calls::acquire).doesNotThrowAnyException();
        assertThatCode(calls::acquire).doesNotThrowAnyException();
        assertThatThrownBy(calls::acquire).isInstanceOf(RequestNotPermitted.class);
    }

    @Test
    void oneCallersSpreeLeavesTheOthersTheirAllowance() {
        signIn("ops-1");
        calls.acquire();
        calls.acquire();

        signIn("ops-2");
        assertThatCode(calls::acquire).doesNotThrowAnyException();
    }

    private static void signIn(String subject) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(
                        subject, null, List.of(new SimpleGrantedAuthority("SCOPE_loyalty.admin"))));
    }
}
