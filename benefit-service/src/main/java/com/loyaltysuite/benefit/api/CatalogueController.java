package com.loyaltysuite.benefit.api;

import com.loyaltysuite.benefit.catalogue.BenefitCatalogue;
import com.loyaltysuite.benefit.catalogue.CouponTemplate;
import com.loyaltysuite.benefit.catalogue.ExchangeItem;
import com.loyaltysuite.benefit.catalogue.ProgrammeCatalogue;
import com.loyaltysuite.benefit.catalogue.StandingBenefit;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The benefit catalogue (权益目录) of each programme: what each tier comes with, and what points buy, as in force now. */
@Tag(name = "Catalogue", description = "The benefit catalogue")
@RestController
class CatalogueController {

    private final BenefitCatalogue catalogue;

    CatalogueController(BenefitCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record TierView(String tier, boolean inherits, List<StandingBenefit> benefits, List<String> upgradePack, List<String> birthdayGift) {}

    record ProgrammeView(
            String programId,
            String version,
            String currency,
            String birthday,
            String onClose,
            Map<String, CouponTemplate> coupons,
            List<TierView> tiers,
            Map<String, ExchangeItem> exchange) {}

    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ, Scopes.CHECKOUT, Scopes.ADMIN})
    @Operation(summary = "The benefit catalogue (权益目录)", description = "Per programme and tier: standing benefits, the upgrade gift pack and the birthday gift.")
    @GetMapping("/benefits/catalogue")
    List<ProgrammeView> catalogue() {
        return new TreeMap<>(catalogue.all()).entrySet().stream().map(entry -> view(entry.getKey(), entry.getValue())).toList();
    }

    /** Each tier with everything it includes (its own benefits and those it inherits). */
    private static ProgrammeView view(String programId, ProgrammeCatalogue programme) {
        List<TierView> tiers = programme.tiers().stream()
                .map(tier -> new TierView(
                        tier.code(),
                        tier.inherits(),
                        programme.standingBenefits(tier.code()),
                        tier.upgradePack(),
                        programme.birthdayGift(tier.code()).stream().map(ProgrammeCatalogue.IssuableCoupon::code).toList()))
                .toList();
        return new ProgrammeView(programId, programme.version(), programme.currency(), programme.birthday().name(),
                programme.onClose().name(), new TreeMap<>(programme.coupons()), tiers, new TreeMap<>(programme.exchange()));
    }
}
