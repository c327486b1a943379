package com.loyaltysuite.benefit.catalogue;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code loyalty.benefits}: the catalogue of each programme, by programme id ({@code default} in v1).
 * The shipped catalogue is in {@code benefit-service.yml}; setting a programme's catalogue replaces it whole.
 */
@ConfigurationProperties("loyalty.benefits")
public record BenefitsProperties(Map<String, ProgrammeCatalogue> catalogue) {

    public BenefitsProperties {
        catalogue = catalogue == null ? Map.of() : Map.copyOf(catalogue);
    }
}
