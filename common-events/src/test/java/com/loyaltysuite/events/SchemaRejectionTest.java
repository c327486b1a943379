package com.loyaltysuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventJson;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.codec.InvalidEventException;
import com.loyaltysuite.events.order.OrderPaid;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaRejectionTest {

    /** The order system's OrderPaid exactly as DESIGN.md gives it. */
    static final String ORDER_SYSTEM_ORDER_PAID =
            "{\"orderId\":\"O-1001\",\"memberId\":\"M-1\",\"programId\":\"default\",\"amount\":{\"value\":\"599.00\",\"currency\":\"CNY\"},\"paidAt\":\"2026-11-23T10:00:00Z\",\"channel\":\"APP\",\"items\":[{\"sku\":\"SKU-1\",\"category\":\"apparel\",\"quantity\":1,\"amount\":{\"value\":\"599.00\",\"currency\":\"CNY\"}}]}";

    @Test
    void acceptsTheOrderSystemsOrderPaid() {
        OrderPaid paid = (OrderPaid) CloudEventCodec.parseData(
                EventType.ORDER_PAID, ORDER_SYSTEM_ORDER_PAID.getBytes(StandardCharsets.UTF_8));

        assertThat(paid.orderId()).isEqualTo(OrderId.of("O-1001"));
        assertThat(paid.amount()).isEqualTo(Money.of("599.00", "CNY"));
        assertThat(paid.items()).singleElement().satisfies(item -> assertThat(item.quantity()).isEqualTo(1));
    }

    @Test
    void defaultsProgramAndItemsWhenTheOrderSystemLeavesThemOut() {
        String minimal =
                "{\"orderId\":\"O-1\",\"memberId\":\"M-1\",\"amount\":{\"value\":\"10\",\"currency\":\"CNY\"},\"paidAt\":\"2026-11-23T10:00:00Z\"}";

        OrderPaid paid = (OrderPaid) CloudEventCodec.parseData(EventType.ORDER_PAID, minimal.getBytes());

        assertThat(paid.programId()).isEqualTo(Programs.DEFAULT);
        assertThat(paid.items()).isEmpty();
        assertThat(paid.channel()).isNull();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aMissingRequiredFieldIsRejectedByName(EventType type) throws Exception {
        ObjectNode sample = (ObjectNode) ContractSamplesTest.sample(type);
        String required = ContractSamplesTest.resource(type.schemaResource())
                .get("required")
                .get(0)
                .asText();
        sample.remove(required);

        assertThatThrownBy(() -> CloudEventCodec.parseData(type, EventJson.mapper().writeValueAsBytes(sample)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(required);
    }

    @Test
    void aFloatAmountIsRejectedNamingTheField() {
        String floatAmount = ORDER_SYSTEM_ORDER_PAID.replaceFirst("\"value\":\"599.00\"", "\"value\":599.0");

        assertThatThrownBy(() -> CloudEventCodec.parseData(EventType.ORDER_PAID, floatAmount.getBytes()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.amount.value");
    }

    @Test
    void aWrongTypeIsRejectedNamingTheField() {
        String wrong = ORDER_SYSTEM_ORDER_PAID.replace("\"quantity\":1", "\"quantity\":\"one\"");

        assertThatThrownBy(() -> CloudEventCodec.parseData(EventType.ORDER_PAID, wrong.getBytes()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.items[0].quantity");
    }

    @Test
    void aBadTimestampIsRejectedNamingTheField() {
        String wrong = ORDER_SYSTEM_ORDER_PAID.replace("2026-11-23T10:00:00Z", "yesterday");

        assertThatThrownBy(() -> CloudEventCodec.parseData(EventType.ORDER_PAID, wrong.getBytes()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.paidAt");
    }

    @Test
    void notJsonIsRejected() {
        assertThatThrownBy(() -> CloudEventCodec.parseData(EventType.ORDER_PAID, "not json".getBytes()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not JSON");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "-5.00, is negative",
        "1234567890123456789012345678901234567890, more than 12 integer digits",
        "10.001, more than 2 decimals for CNY"
    })
    void theOrderSystemsBadAmountsAreInvalidWhereverTheyAre(String amount, String reason) {
        String total = ORDER_SYSTEM_ORDER_PAID.replaceFirst("599\\.00", amount);
        String line = ORDER_SYSTEM_ORDER_PAID.replace("\"quantity\":1,\"amount\":{\"value\":\"599.00\"",
                "\"quantity\":1,\"amount\":{\"value\":\"" + amount + "\"");

        assertThatThrownBy(() -> CloudEventCodec.parseData(EventType.ORDER_PAID, total.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.amount.value")
                .hasMessageContaining(reason);
        assertThatThrownBy(() -> CloudEventCodec.parseData(EventType.ORDER_PAID, line.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.items[0].amount.value")
                .hasMessageContaining(reason);
    }

    @Test
    void aRefundOfANegativeAmountIsInvalidToo() {
        String refund = "{\"refundId\":\"R-1\",\"orderId\":\"O-1\",\"memberId\":\"M-1\",\"programId\":\"default\","
                + "\"amount\":{\"value\":\"-1.00\",\"currency\":\"CNY\"},\"refundedAt\":\"2026-11-23T10:00:00Z\"}";

        assertThatThrownBy(() -> CloudEventCodec.parseData(EventType.ORDER_REFUNDED, refund.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("is negative");
    }

    @Test
    void zeroAndWholeAmountsAreFine() {
        for (String amount : new String[] {"0", "0.00", "12", "999999999999.99"}) {
            String paid = ORDER_SYSTEM_ORDER_PAID.replace("599.00", amount);
            assertThat(CloudEventCodec.parseData(EventType.ORDER_PAID, paid.getBytes(StandardCharsets.UTF_8)))
                    .as(amount)
                    .isInstanceOf(OrderPaid.class);
        }
    }

}
