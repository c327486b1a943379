package com.loyaltysuite.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.order.OrderPaid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundHandlersTest {

    @Test
    void afterEachRunsAfterEveryHandlerAndKeepsItsOutcome() {
        List<String> calls = new ArrayList<>();
        InboundHandlers handlers = InboundHandlers.builder()
                .on(OrderPaid.class, "recording", (paid, id) -> {
                    calls.add("handled " + id);
                    return Outcome.rejected("refused " + id);
                })
                .afterEach(() -> calls.add("after"))
                .build();
        OrderPaid paid = new OrderPaid(OrderId.of("O-1"), MemberId.of("M-1"), null, Money.of("10.00", "CNY"),
                Instant.parse("2026-12-05T10:00:00Z"), "APP", List.of());

        InboundHandlers.Registration<?> registration =
                handlers.forCeType(EventType.of(OrderPaid.class).ceType()).orElseThrow();
        Outcome first = registration.apply(paid, "e-1");
        Outcome second = registration.apply(paid, "e-2");

        assertThat(first).isEqualTo(Outcome.rejected("refused e-1"));
        assertThat(second).isEqualTo(Outcome.rejected("refused e-2"));
        assertThat(registration.reaction()).isEqualTo("recording");
        assertThat(calls).containsExactly("handled e-1", "after", "handled e-2", "after");
    }
}
