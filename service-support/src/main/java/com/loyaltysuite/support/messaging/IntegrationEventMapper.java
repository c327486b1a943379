package com.loyaltysuite.support.messaging;

import com.loyaltysuite.events.IntegrationEvent;
import java.util.Optional;

/**
 * Translates a service's internal Axon event into the contract event other services see. Each
 * service provides one; events it maps to empty stay inside the service.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

    Optional<IntegrationEvent> toIntegrationEvent(Object axonEventPayload);
}
