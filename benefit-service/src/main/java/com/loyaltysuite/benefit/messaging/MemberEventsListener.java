package com.loyaltysuite.benefit.messaging;

import com.loyaltysuite.benefit.grant.ForgetBirthday;
import com.loyaltysuite.benefit.grant.NoteBirthday;
import com.loyaltysuite.benefit.grant.NoteMemberStatus;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.member.MemberStatusChanged;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.InboundHandlers;
import com.loyaltysuite.support.messaging.Outcome;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What benefits need of member-service's events: the birthday (for the birthday gift, read by
 * {@link MemberBirthdays}), its erasure (the birthday is forgotten, and the copy of the member's data
 * key shredded), and the member's status (a frozen
 * member redeems nothing, a closed one's benefits end). Other types, consents among them, are passed
 * over undecoded.
 */
@Component
class MemberEventsListener {

    private final InboundEvents inbound;
    private final CommandGateway commands;
    private final MemberBirthdays birthdays;
    private final InboundHandlers handlers;

    MemberEventsListener(InboundEvents inbound, CommandGateway commands, MemberBirthdays birthdays) {
        this.inbound = inbound;
        this.commands = commands;
        this.birthdays = birthdays;
        this.handlers = InboundHandlers.builder()
                .on(MemberRegistered.class, "birthdays", this::registered)
                .on(MemberProfileUpdated.class, "birthdays", this::profileUpdated)
                .on(MemberStatusChanged.class, "member-status", this::statusChanged)
                .on(MemberErased.class, "birthdays", this::erased)
                .build();
    }

    @KafkaListener(topics = Topics.MEMBERS)
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        inbound.apply(records, handlers);
    }

    private Outcome registered(MemberRegistered registered, String eventId) {
        birthdays.of(registered).ifPresent(birthday -> commands.sendAndWait(
                new NoteBirthday(registered.memberId(), registered.programId(), birthday, registered.registeredAt())));
        return Outcome.APPLIED;
    }

    private Outcome profileUpdated(MemberProfileUpdated updated, String eventId) {
        birthdays.of(updated).ifPresent(birthday -> commands.sendAndWait(
                new NoteBirthday(updated.memberId(), updated.programId(), birthday, updated.updatedAt())));
        return Outcome.APPLIED;
    }

    private Outcome erased(MemberErased erased, String eventId) {
        commands.sendAndWait(new ForgetBirthday(erased.memberId(), erased.erasedAt()));
        birthdays.forget(erased.memberId());
        return Outcome.APPLIED;
    }

    private Outcome statusChanged(MemberStatusChanged changed, String eventId) {
        commands.sendAndWait(new NoteMemberStatus(
                changed.memberId(), changed.programId(), changed.status(), changed.changedAt(), eventId));
        return Outcome.APPLIED;
    }
}
