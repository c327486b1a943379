package com.loyaltysuite.benefit.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgrammeCatalogueTest {

    final ProgrammeCatalogue shipped = ShippedCatalogue.load().of("default").orElseThrow();

    @ParameterizedTest
    @CsvSource({"SILVER, 0.98", "GOLD, 0.95", "DIAMOND, 0.92", "ACADEMICIAN, 0.90"})
    void theMemberPriceOfEachTierIsTheSeedsOne(String tier, BigDecimal factor) {
        assertThat(shipped.standingBenefits(tier))
                .filteredOn(benefit -> benefit.type() == BenefitType.MEMBER_PRICE)
                .singleElement()
                .satisfies(price -> assertThat(price.priceFactor()).isEqualByComparingTo(factor));
    }

    @Test
    void theEntryTierHasNoMemberPriceButABirthdayGift() {
        assertThat(shipped.standingBenefits("MEMBER")).isEmpty();
        assertThat(shipped.birthdayGift("MEMBER")).extracting(ProgrammeCatalogue.IssuableCoupon::code).containsExactly("BIRTHDAY_20");
        assertThat(shipped.upgradePack("MEMBER")).isEmpty();
    }

    @Test
    void aTierIncludesTheBenefitsOfTheTiersBelowAndReplacesTheirMemberPrice() {
        assertThat(shipped.standingBenefits("DIAMOND"))
                .extracting(StandingBenefit::code)
                .containsExactlyInAnyOrder("MEMBER_PRICE_92", "PRIORITY_DELIVERY", "FREE_SHIPPING", "SERVICE_LINE");
        assertThat(shipped.birthdayGift("GOLD")).extracting(ProgrammeCatalogue.IssuableCoupon::code).containsExactly("BIRTHDAY_20");
        assertThat(shipped.birthdayGift("ACADEMICIAN")).extracting(ProgrammeCatalogue.IssuableCoupon::code).containsExactly("BIRTHDAY_100");
        assertThat(shipped.upgradePack("SILVER")).extracting(ProgrammeCatalogue.IssuableCoupon::code)
                .containsExactly("SILVER_PACK_20", "SILVER_PACK_10_99");
    }

    @Test
    void aTierThatDoesNotInheritHoldsOnlyItsOwn() {
        var catalogue = new ProgrammeCatalogue("v", null, null, null, null, null, Map.of(), List.of(
                new TierBenefits("A", null, List.of(new StandingBenefit("SHIP", BenefitType.FREE_SHIPPING, "免邮", null)), null, null),
                new TierBenefits("B", false, List.of(new StandingBenefit("LINE", BenefitType.SERVICE_LINE, "客服", null)), null, null)), null);

        assertThat(catalogue.standingBenefits("B")).extracting(StandingBenefit::code).containsExactly("LINE");
        assertThat(catalogue.standingBenefits("UNKNOWN")).isEmpty();
    }

    @Test
    void aTierNamingAnUnknownCouponIsRefused() {
        assertThatThrownBy(() -> new ProgrammeCatalogue("v", null, null, null, null, null, Map.of(),
                        List.of(new TierBenefits("A", null, null, List.of("NOPE"), null)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOPE");
    }

    @Test
    void theBirthdayGiftComesAtTheStartOfTheMonthInTheProgrammesZone() {
        assertThat(shipped.birthdayGiftAt(2027, MonthDay.of(5, 20))).isEqualTo(Instant.parse("2027-04-30T16:00:00Z"));
        assertThat(shipped.nextBirthdayYear(MonthDay.of(5, 20), Instant.parse("2027-05-31T15:59:00Z"))).isEqualTo(2027);
        assertThat(shipped.nextBirthdayYear(MonthDay.of(5, 20), Instant.parse("2027-05-31T16:00:00Z"))).isEqualTo(2028);
        var onTheDay = new ProgrammeCatalogue("v", null, null, BirthdayWhen.DAY, null, null, Map.of(), List.of(), null);
        assertThat(onTheDay.birthdayGiftAt(2027, MonthDay.of(2, 29))).isEqualTo(Instant.parse("2027-02-27T16:00:00Z"));
    }

    @Test
    void couponsCarryTheirTerms() {
        assertThat(shipped.coupon("GOLD_EXCLUSIVE_30_199")).hasValueSatisfying(coupon -> {
            assertThat(coupon.faceValue()).isEqualByComparingTo("30");
            assertThat(coupon.minSpend()).isEqualByComparingTo("199");
            assertThat(coupon.validity()).isEqualTo(Duration.ofDays(90));
            assertThat(coupon.channels()).containsExactly("APP");
            assertThat(coupon.tierExclusive()).isTrue();
        });
        assertThat(shipped.version()).isEqualTo("benefits-v1");
    }

    @Test
    void higherTiersPayFewerPointsForAnExchange() {
        var item = shipped.exchangeItem("EXCHANGE_20").orElseThrow();

        assertThat(item.pointsFor("MEMBER")).isEqualTo(2000);
        assertThat(item.pointsFor("GOLD")).isEqualTo(1800);
        assertThat(item.pointsFor("ACADEMICIAN")).isEqualTo(1400);
        assertThat(item.pointsFor(null)).isEqualTo(2000);
    }
}
