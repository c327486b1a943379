package com.loyaltysuite.points.earning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyaltysuite.events.Money;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EarningPolicyTest {

    final EarningPolicy policy = new EarningPolicy(new EarningProperties("CNY", 1L, "earning-v1", Duration.ofDays(7)));

    @ParameterizedTest
    @CsvSource({"599.00, 599", "599.99, 599", "0.99, 0", "0, 0", "10000, 10000"})
    void floorsToWholeYuan(String amount, long points) {
        EarningDecision decision = policy.decide(Money.of(amount, "CNY"), "MEMBER");

        assertThat(decision.points()).isEqualTo(points);
        assertThat(decision.basePoints()).isEqualTo(points);
        assertThat(decision.ruleVersion()).isEqualTo("earning-v1");
    }

    @ParameterizedTest
    @CsvSource({"100.50, 3, 300"})
    void multipliesByTheRate(String amount, long rate, long points) {
        var doubled = new EarningPolicy(new EarningProperties("CNY", rate, "earning-v2", Duration.ZERO));

        assertThat(doubled.decide(Money.of(amount, "CNY"), "MEMBER").points()).isEqualTo(points);
    }

    @ParameterizedTest
    @CsvSource({"USD", "EUR"})
    void refusesOtherCurrencies(String currency) {
        assertThatThrownBy(() -> policy.decide(Money.of("10", currency), "MEMBER"))
                .isInstanceOf(UnsupportedCurrencyException.class)
                .hasMessageContaining(currency);
    }
}
