package com.loyaltysuite.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The benefit meters count each grant and redemption once: they run in a subscribing processor, which
 * sees events as they are appended and never replays (BenefitMetersTest covers the amounts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class BenefitMetersIT {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theMetersNeverSeeAReplay() {
        assertThat(processing.eventProcessor("benefit-meters", SubscribingEventProcessor.class)).isPresent();
    }
}
