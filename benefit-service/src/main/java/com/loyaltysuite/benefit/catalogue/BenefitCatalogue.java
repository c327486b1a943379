package com.loyaltysuite.benefit.catalogue;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The configured catalogues, by programme. Plain lookups, no I/O. */
@Component
@EnableConfigurationProperties(BenefitsProperties.class)
public class BenefitCatalogue {

    private final Map<String, ProgrammeCatalogue> byProgramme;

    public BenefitCatalogue(BenefitsProperties properties) {
        this.byProgramme = properties.catalogue();
    }

    /** The programme's catalogue; a programme without one grants nothing. */
    public Optional<ProgrammeCatalogue> of(String programId) {
        return programId == null ? Optional.empty() : Optional.ofNullable(byProgramme.get(programId));
    }

    public Map<String, ProgrammeCatalogue> all() {
        return byProgramme;
    }
}
