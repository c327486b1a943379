package com.loyaltysuite.support.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpensiveCallsTest {

    @Test
    void callsBeyondThePeriodsAllowanceAreRefusedAtOnce() {
        ExpensiveCalls calls = new ExpensiveCalls(2, Duration.ofHours(1));

        assertThatCode(calls::acquire).doesNotThrowAnyException();
        assertThatCode(calls::acquire).doesNotThrowAnyException();
        assertThatThrownBy(calls::acquire).isInstanceOf(RequestNotPermitted.class);
    }
}
