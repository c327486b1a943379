package com.loyaltysuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.loyaltysuite.events.codec.EventJson;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

class MoneyProperties {

    @Property
    void amountsTravelAsExactDecimalStrings(
            @ForAll @BigRange(min = "-1000000000", max = "1000000000") @Scale(4) BigDecimal value) throws Exception {
        Money money = new Money(value, "CNY");

        JsonNode json = EventJson.mapper().valueToTree(money);
        Money back = EventJson.mapper().treeToValue(json, Money.class);

        assertThat(json.get("value").isTextual()).isTrue();
        assertThat(json.get("value").asText()).isEqualTo(value.toPlainString());
        assertThat(back).isEqualTo(money);
    }
}
