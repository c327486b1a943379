package com.loyaltysuite.benefit.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The catalogue as shipped in {@code benefit-service.yml}, bound as Spring binds it. */
public final class ShippedCatalogue {

    private ShippedCatalogue() {}

    public static BenefitCatalogue load() {
        return new BenefitCatalogue(properties());
    }

    static BenefitsProperties properties() {
        try {
            var yaml = new YamlPropertySourceLoader().load("benefit-service", new ClassPathResource("benefit-service.yml"));
            return new Binder(ConfigurationPropertySources.from(yaml))
                    .bind("loyalty.benefits", BenefitsProperties.class)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
