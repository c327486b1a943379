package com.loyaltysuite.support.correlation;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The services' one {@link CorrelationDataProvider}. Before Axon's auto-configuration, whose
 * {@code MessageOriginProvider} backs off only if a provider is already defined when its turn comes.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@ConditionalOnProperty("loyalty.service.name")
public class CorrelationAutoConfiguration {

    @Bean
    CorrelationDataProvider messageOriginCorrelation() {
        return new MessageOriginCorrelation();
    }
}
