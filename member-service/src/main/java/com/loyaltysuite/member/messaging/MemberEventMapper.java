package com.loyaltysuite.member.messaging;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.member.profile.ConsentChanged;
import com.loyaltysuite.member.profile.MemberRegistered;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What of a member's history other services see on {@code loyalty.members.v1}. */
@Component
class MemberEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> toIntegrationEvent(Object payload) {
        if (payload instanceof MemberRegistered e) {
            return Optional.of(new com.loyaltysuite.events.member.MemberRegistered(
                    e.memberId(),
                    e.programId(),
                    e.name(),
                    e.mobile(),
                    e.email(),
                    e.birthday(),
                    e.consents(),
                    e.registeredAt()));
        }
        if (payload instanceof ConsentChanged e) {
            return Optional.of(new com.loyaltysuite.events.member.ConsentChanged(
                    e.memberId(), e.programId(), e.channel(), e.granted(), e.changedAt()));
        }
        return Optional.empty();
    }
}
