package com.loyaltysuite.benefit.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One programme's benefit catalogue (权益目录), as configured under {@code loyalty.benefits.catalogue.<programme>}.
 * Its {@code version} is recorded on every grant made under it, so a grant always says which catalogue
 * it came from; changing the catalogue affects grants from then on.
 *
 * @param version recorded on grants, e.g. {@code benefits-v1}
 * @param currency of coupon amounts
 * @param packPeriod how long an upgrade pack's period lasts when the tier change names no validity
 * @param birthday when the birthday gift comes
 * @param zone the programme's time zone, for birthdays
 * @param onClose what a closed membership ends
 * @param coupons coupon templates by code
 * @param tiers the ladder, lowest first, with what each tier comes with
 * @param exchange what members can buy with points, by item code
 */
public record ProgrammeCatalogue(
        String version,
        String currency,
        Duration packPeriod,
        BirthdayWhen birthday,
        ZoneId zone,
        OnClose onClose,
        Map<String, CouponTemplate> coupons,
        List<TierBenefits> tiers,
        Map<String, ExchangeItem> exchange) {

    public ProgrammeCatalogue {
        Objects.requireNonNull(version, "version");
        currency = currency == null ? "CNY" : currency;
        packPeriod = packPeriod == null ? Duration.ofDays(365) : packPeriod;
        birthday = birthday == null ? BirthdayWhen.MONTH : birthday;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        onClose = onClose == null ? OnClose.REVOKE_ALL : onClose;
        coupons = coupons == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(coupons));
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        exchange = exchange == null ? Map.of() : Map.copyOf(exchange);
        for (var item : exchange.entrySet()) {
            if (!coupons.containsKey(item.getValue().coupon())) {
                throw new IllegalArgumentException("Exchange item " + item.getKey() + " names coupon "
                        + item.getValue().coupon() + ", which catalogue " + version + " lacks");
            }
        }
        Set<String> codes = new HashSet<>();
        for (TierBenefits tier : tiers) {
            if (!codes.add(tier.code())) {
                throw new IllegalArgumentException("Tier " + tier.code() + " is listed twice in catalogue " + version);
            }
            for (String coupon : concat(tier.upgradePack(), tier.birthdayGift())) {
                if (!coupons.containsKey(coupon)) {
                    throw new IllegalArgumentException(
                            "Tier " + tier.code() + " names coupon " + coupon + ", which catalogue " + version + " lacks");
                }
            }
        }
    }

    /** The tier's place on the ladder, 0 for the lowest; -1 for a tier the catalogue does not list. */
    public int rank(String tier) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).code().equals(tier)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The standing benefits a member of {@code tier} holds: its own and, unless it does not inherit, those
     * of the tiers below; of each type the highest tier's wins. Nothing for a tier not listed.
     */
    public List<StandingBenefit> standingBenefits(String tier) {
        int rank = rank(tier);
        Map<BenefitType, StandingBenefit> byType = new LinkedHashMap<>();
        for (int i = 0; i <= rank; i++) {
            TierBenefits level = tiers.get(i);
            if (!level.inherits()) {
                byType.clear();
            }
            level.benefits().forEach(benefit -> byType.put(benefit.type(), benefit));
        }
        return List.copyOf(byType.values());
    }

    /** The coupons of the tier's upgrade pack, in the order configured. */
    public List<IssuableCoupon> upgradePack(String tier) {
        int rank = rank(tier);
        return rank < 0 ? List.of() : issuable(tiers.get(rank).upgradePack());
    }

    /** The coupons of the birthday gift of a member of {@code tier} (the entry tier if unknown): its own, else inherited from below. */
    public List<IssuableCoupon> birthdayGift(String tier) {
        int rank = tiers.isEmpty() ? -1 : Math.max(rank(tier), 0); // a member not seen changing tier is in the entry tier
        for (int i = rank; i >= 0; i--) {
            TierBenefits level = tiers.get(i);
            if (!level.birthdayGift().isEmpty()) {
                return issuable(level.birthdayGift());
            }
            if (!level.inherits()) {
                return List.of();
            }
        }
        return List.of();
    }

    /** When the birthday gift of {@code year} comes: the start of the birthday month, or of the day, in the zone. */
    public Instant birthdayGiftAt(int year, MonthDay birthday) {
        LocalDate day = birthday.atYear(year); // 29 February is the 28th in other years
        return (this.birthday == BirthdayWhen.MONTH ? day.withDayOfMonth(1) : day).atStartOfDay(zone).toInstant();
    }

    /**
     * The first year whose birthday gift is still to come at {@code at}: this year's while its month (or
     * day) has not ended, else the next.
     */
    public int nextBirthdayYear(MonthDay birthday, Instant at) {
        int year = LocalDate.ofInstant(at, zone).getYear();
        LocalDate day = birthday.atYear(year);
        LocalDate end = this.birthday == BirthdayWhen.MONTH ? day.withDayOfMonth(1).plusMonths(1) : day.plusDays(1);
        return at.isBefore(end.atStartOfDay(zone).toInstant()) ? year : year + 1;
    }

    public Optional<ExchangeItem> exchangeItem(String code) {
        return Optional.ofNullable(exchange.get(code));
    }

    public Optional<CouponTemplate> coupon(String code) {
        return Optional.ofNullable(coupons.get(code));
    }

    private List<IssuableCoupon> issuable(List<String> codes) {
        return codes.stream().map(code -> new IssuableCoupon(code, coupons.get(code))).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A coupon template with its code. */
    public record IssuableCoupon(String code, CouponTemplate template) {}
}
