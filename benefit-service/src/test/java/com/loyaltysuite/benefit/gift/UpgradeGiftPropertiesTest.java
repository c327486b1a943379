package com.loyaltysuite.benefit.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

class UpgradeGiftPropertiesTest {

    @Test
    void theShippedConfigurationBindsToTheDefaultCatalogue() throws IOException {
        var yaml = new YamlPropertySourceLoader().load("benefit-service", new ClassPathResource("benefit-service.yml"));
        var binder = new Binder(ConfigurationPropertySources.from(yaml));

        UpgradeGiftProperties bound = binder.bind("loyalty.benefit", UpgradeGiftProperties.class).get();

        assertThat(bound.upgradeGifts()).containsOnlyKeys("SILVER", "GOLD", "DIAMOND", "ACADEMICIAN");
        assertThat(bound.upgradeGifts()).isEqualTo(UpgradeGiftProperties.DEFAULT_GIFTS);
    }
}
