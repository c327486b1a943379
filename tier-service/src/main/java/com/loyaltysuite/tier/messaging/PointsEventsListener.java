package com.loyaltysuite.tier.messaging;

import com.loyaltysuite.events.Programs;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.events.points.PointsReversed;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.InboundHandlers;
import com.loyaltysuite.support.messaging.Outcome;
import com.loyaltysuite.tier.ladder.TierLadder;
import com.loyaltysuite.tier.membertier.RecordQualifyingOrder;
import com.loyaltysuite.tier.membertier.ReduceQualifyingOrder;
import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Earned points (成长值, basis POINTS): points-service's PointsEarned counts at the order's paid time
 * ({@code earnedAt}), PointsReversed lowers it (kept until its PointsEarned is counted, should it come
 * first). Other types on the topic are not this reaction's business.
 */
@Component
@ConditionalOnProperty(name = "loyalty.tier.basis", havingValue = "POINTS")
class PointsEventsListener {

    private final InboundEvents inbound;
    private final CommandGateway commands;
    private final InboundHandlers handlers;

    PointsEventsListener(InboundEvents inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
        // Both types share the reaction name they had when one handler took them both.
        this.handlers = InboundHandlers.builder()
                .on(PointsEarned.class, "qualifying-points", this::recordEarned)
                .on(PointsReversed.class, "qualifying-points", this::recordReversed)
                .build();
    }

    @KafkaListener(topics = Topics.POINTS)
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        inbound.apply(records, handlers);
    }

    private Outcome recordEarned(PointsEarned earned, String eventId) {
        commands.sendAndWait(new RecordQualifyingOrder(
                earned.memberId(),
                Programs.orDefault(earned.programId()),
                earned.orderId(),
                points(earned.points()),
                earned.earnedAt(),
                eventId));
        return Outcome.APPLIED;
    }

    private Outcome recordReversed(PointsReversed reversed, String eventId) {
        commands.sendAndWait(new ReduceQualifyingOrder(
                reversed.memberId(),
                Programs.orDefault(reversed.programId()),
                reversed.orderId(),
                reversed.refundId(),
                points(reversed.points()),
                reversed.reversedAt(),
                eventId));
        return Outcome.APPLIED;
    }

    private static QualifyingValue points(long points) {
        return new QualifyingValue(BigDecimal.valueOf(points), TierLadder.POINTS);
    }
}
