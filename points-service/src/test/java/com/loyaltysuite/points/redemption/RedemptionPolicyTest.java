package com.loyaltysuite.points.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedemptionPolicyTest {

    @ParameterizedTest
    @CsvSource({"100, 1.00", "250, 2.50", "1, 0.01", "12345, 123.45"})
    void aHundredPointsAreWorthOneYuan(long points, String value) {
        assertThat(new RedemptionPolicy(RedemptionProperties.defaults()).valueOf(points)).isEqualTo(Money.of(value, "CNY"));
    }
}
