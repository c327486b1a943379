package com.loyaltysuite.benefit.grant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.benefit.catalogue.BenefitCatalogue;
import com.loyaltysuite.benefit.catalogue.OnClose;
import com.loyaltysuite.benefit.catalogue.ProgrammeCatalogue;
import com.loyaltysuite.benefit.catalogue.ProgrammeCatalogue.IssuableCoupon;
import com.loyaltysuite.benefit.catalogue.StandingBenefit;
import com.loyaltysuite.benefit.coupon.CouponCodes;
import com.loyaltysuite.benefit.coupon.Usability;
import com.loyaltysuite.benefit.grant.ExchangeCommands.CompleteExchange;
import com.loyaltysuite.benefit.grant.ExchangeCommands.DescribeExchange;
import com.loyaltysuite.benefit.grant.ExchangeCommands.FailExchange;
import com.loyaltysuite.benefit.grant.ExchangeCommands.IssueExchangeCoupon;
import com.loyaltysuite.benefit.grant.ExchangeCommands.RecordExchangeReserved;
import com.loyaltysuite.benefit.grant.ExchangeCommands.StartExchange;
import com.loyaltysuite.benefit.grant.ExchangeEvents.ExchangeCompleted;
import com.loyaltysuite.benefit.grant.ExchangeEvents.ExchangeCouponGiven;
import com.loyaltysuite.benefit.grant.ExchangeEvents.ExchangeFailed;
import com.loyaltysuite.benefit.grant.ExchangeEvents.ExchangeIssueRefused;
import com.loyaltysuite.benefit.grant.ExchangeEvents.ExchangePointsReserved;
import com.loyaltysuite.benefit.grant.ExchangeEvents.ExchangeStarted;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.tier.TierChangeReason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The benefits a member holds (会员资产): standing benefits that follow their tier both ways, coupons with
 * their state, the upgrade packs and birthday gifts given. It decides grants, revocations and redemptions;
 * one aggregate per member, so two redemptions of one coupon are serialized here and, across instances,
 * by the event store's unique sequence per aggregate (the loser's append fails and nothing of it is kept).
 */
@Aggregate(cache = "memberBenefitsCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("3") // a snapshot is its fields: bump when they change (MemberBenefitsSnapshotTest)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class MemberBenefits {

    /** A failed retention or the end of a manual tier moves a member back down: no upgrade pack. */
    static final Set<TierChangeReason> NOT_A_PROMOTION = EnumSet.of(TierChangeReason.RETENTION_FAILED, TierChangeReason.MANUAL_ENDED);

    /** Gifts granted before packs had periods count for this long. */
    static final Duration FORMER_GIFT_PERIOD = Duration.ofDays(365);

    @AggregateIdentifier
    private MemberId memberId;

    private String programId;
    private String tier;
    private MemberStatus status = MemberStatus.ACTIVE;
    private MonthDay birthday;
    /** Standing benefits held, by benefit id. */
    private final Map<String, HeldStanding> standing = new LinkedHashMap<>();
    /** Standing benefits withdrawn, by benefit id: the reason. */
    private final Map<String, String> withdrawn = new LinkedHashMap<>();
    private final Map<String, HeldCoupon> coupons = new LinkedHashMap<>();
    /** Redemptions by the checkout's request id. */
    private final Map<String, Redemption> redemptions = new HashMap<>();
    /** Per tier, the end of the validity period in which its upgrade pack was given. */
    private final Map<String, Instant> packPeriodEnds = new HashMap<>();
    private final Set<Integer> birthdayYears = new HashSet<>();
    /** Points exchanges by exchange id. */
    private final Map<String, ExchangeView> exchanges = new LinkedHashMap<>();
    /** By exchange id: the coupon of an exchange held until points-service confirms its points are spent. */
    private final Map<String, ExchangeCouponGiven> heldForExchanges = new LinkedHashMap<>();

    protected MemberBenefits() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ApplyTierChange command, BenefitCatalogue catalogues, CouponCodes codes) {
        apply(new TierNoted(command.memberId(), command.programId(), command.toTier(), command.effectiveAt(), command.causationId()));
        ProgrammeCatalogue catalogue = catalogues.of(command.programId()).orElse(null);
        if (catalogue == null || status == MemberStatus.CLOSED) {
            return;
        }
        followTier(catalogue, command);
        boolean promotion = !NOT_A_PROMOTION.contains(command.reason())
                && catalogue.rank(command.toTier()) > catalogue.rank(command.fromTier());
        Instant packPeriodEnd = packPeriodEnds.get(command.toTier());
        List<IssuableCoupon> pack = catalogue.upgradePack(command.toTier());
        if (!promotion || pack.isEmpty() || (packPeriodEnd != null && command.effectiveAt().isBefore(packPeriodEnd))) {
            return; // not a promotion, no pack, or the pack of this tier's period was given already
        }
        Instant periodEnds = command.validUntil() != null
                ? command.validUntil()
                : command.effectiveAt().plus(catalogue.packPeriod());
        apply(new UpgradePackGiven(memberId, command.toTier(), command.effectiveAt(), periodEnds, command.causationId()));
        pack.forEach(coupon -> issue(catalogue, codes, coupon, BenefitKind.UPGRADE_GIFT, command.toTier(),
                command.effectiveAt(), command.causationId()));
    }

    /** Withdraws what the new tier does not include (replaced by its own of the type, or left), then grants what it adds. */
    private void followTier(ProgrammeCatalogue catalogue, ApplyTierChange command) {
        List<StandingBenefit> included = catalogue.standingBenefits(command.toTier());
        Set<String> includedCodes = new HashSet<>();
        Set<BenefitKind> includedKinds = EnumSet.noneOf(BenefitKind.class);
        included.forEach(benefit -> {
            includedCodes.add(benefit.code());
            includedKinds.add(benefit.type().kind());
        });
        Set<String> heldCodes = new HashSet<>();
        for (HeldStanding held : List.copyOf(standing.values())) {
            if (includedCodes.contains(held.benefitCode())) {
                heldCodes.add(held.benefitCode());
            } else {
                String reason = includedKinds.contains(held.kind()) ? "SUPERSEDED" : "TIER_LEFT";
                apply(new StandingBenefitWithdrawn(memberId, programId, held.benefitId(), held.benefitCode(), held.kind(),
                        reason, command.effectiveAt(), command.causationId()));
            }
        }
        for (StandingBenefit benefit : included) {
            if (!heldCodes.contains(benefit.code())) {
                apply(new StandingBenefitGiven(memberId, programId, idOf(command.causationId(), benefit.code()), benefit.code(),
                        benefit.type().kind(), command.toTier(), benefit.description(), benefit.priceFactor(),
                        command.effectiveAt(), catalogue.version(), command.causationId()));
            }
        }
    }

    private void issue(ProgrammeCatalogue catalogue, CouponCodes codes, IssuableCoupon coupon, BenefitKind kind,
            String forTier, Instant from, String causationId) {
        String code = codes.newCode();
        var template = coupon.template();
        apply(new CouponIssued(memberId, programId, idOf(causationId, coupon.code()), coupon.code(), kind, forTier,
                template.description(), new Money(template.faceValue(), catalogue.currency()),
                new Money(template.minSpend(), catalogue.currency()), template.channels(), template.tierExclusive(), from,
                from.plus(template.validity()), CouponCodes.hash(code), codes.seal(code), catalogue.version(), causationId));
    }

    /**
     * A benefit's id, from what caused it and its code: the same decision always names its grants alike
     * (a pack holds a coupon code once; a cause grants a standing benefit code once).
     */
    private String idOf(String causationId, String code) {
        return UUID.nameUUIDFromBytes((memberId.value() + "|" + causationId + "|" + code).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(NoteBirthday command, BenefitCatalogue catalogues, Clock clock) {
        ProgrammeCatalogue catalogue = catalogues.of(command.programId()).orElse(null);
        if (catalogue == null || command.birthday() == null || command.birthday().equals(birthday)) {
            return;
        }
        // Gifts of birthdays already past when the service learns of them are not made up: a member registered
        // years before (their event read late, or replayed) gets this year's gift or the next, not one per year.
        Instant from = command.at().isAfter(clock.instant()) ? command.at() : clock.instant();
        int year = catalogue.nextBirthdayYear(command.birthday(), from);
        while (birthdayYears.contains(year)) {
            year++;
        }
        apply(new BirthdayNoted(command.memberId(), command.programId(), command.birthday().getMonthValue(), command.birthday().getDayOfMonth(),
                year, catalogue.birthdayGiftAt(year, command.birthday())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ForgetBirthday command) {
        if (birthday != null || memberId == null) { // a member first seen erased is recorded as such
            apply(new BirthdayForgotten(memberId, command.at()));
        }
    }

    @CommandHandler
    void handle(GiveBirthdayGift command, BenefitCatalogue catalogues, CouponCodes codes) {
        ProgrammeCatalogue catalogue = catalogues.of(programId).orElse(null);
        if (catalogue == null || birthday == null || birthdayYears.contains(command.year())
                || !catalogue.birthdayGiftAt(command.year(), birthday).equals(command.dueAt())) {
            return; // given already (a timer fired again), or a date the birthday has moved from
        }
        Instant next = status == MemberStatus.CLOSED ? null : catalogue.birthdayGiftAt(command.year() + 1, birthday);
        if (status != MemberStatus.ACTIVE) {
            apply(new BirthdayGiftGiven(memberId, command.year(), false, "MEMBER_" + status, command.dueAt(), next));
            return;
        }
        apply(new BirthdayGiftGiven(memberId, command.year(), true, null, command.dueAt(), next));
        catalogue.birthdayGift(tier).forEach(coupon -> issue(catalogue, codes, coupon, BenefitKind.BIRTHDAY_GIFT, null,
                command.dueAt(), "birthday-" + command.year()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(NoteMemberStatus command, BenefitCatalogue catalogues) {
        if (command.status() == status && memberId != null) { // a member first seen is recorded, whatever the status
            return;
        }
        apply(new MemberStandingNoted(command.memberId(), command.programId(), command.status(), command.changedAt(), command.causationId()));
        if (command.status() != MemberStatus.CLOSED) {
            return;
        }
        List.copyOf(standing.values()).forEach(held -> apply(new StandingBenefitWithdrawn(memberId, programId,
                held.benefitId(), held.benefitCode(), held.kind(), "MEMBER_CLOSED", command.changedAt(), command.causationId())));
        OnClose rule = catalogues.of(programId).map(ProgrammeCatalogue::onClose).orElse(OnClose.REVOKE_ALL);
        if (rule == OnClose.REVOKE_ALL) {
            coupons.values().stream()
                    .filter(coupon -> coupon.status() == HeldCoupon.Status.ACTIVE)
                    .toList()
                    .forEach(coupon -> apply(new CouponWithdrawn(memberId, programId, coupon.couponId(), coupon.benefitCode(),
                            coupon.kind(), "MEMBER_CLOSED", command.changedAt(), command.causationId())));
        }
    }

    @CommandHandler
    Usability handle(CheckBenefit command, BenefitCatalogue catalogues) {
        HeldCoupon coupon = coupons.get(command.benefitId());
        if (coupon != null) {
            return usability(coupon, catalogues, command.orderAmount(), command.channel(), command.at());
        }
        if (standing.containsKey(command.benefitId())) {
            return status == MemberStatus.FROZEN ? Usability.MEMBER_FROZEN : Usability.USABLE;
        }
        String reason = withdrawn.get(command.benefitId());
        if (reason == null) {
            return Usability.UNKNOWN_CODE;
        }
        return reason.equals("MEMBER_CLOSED") ? Usability.REVOKED : Usability.TIER_NO_LONGER_ENTITLED;
    }

    private Usability usability(HeldCoupon coupon, BenefitCatalogue catalogues, Money amount, String channel, Instant now) {
        ProgrammeCatalogue catalogue = catalogues.of(programId).orElse(null);
        int rankNow = catalogue == null ? -1 : catalogue.rank(tier);
        int couponRank = catalogue == null || coupon.tier() == null ? -1 : catalogue.rank(coupon.tier());
        return coupon.usability(status, rankNow, couponRank, amount, channel, now);
    }

    @CommandHandler
    Redemption handle(RedeemCoupon command, BenefitCatalogue catalogues) {
        Redemption earlier = redemptions.get(command.requestId());
        if (earlier != null) {
            if (!earlier.benefitId().equals(command.couponId())) {
                throw new RequestIdReusedException(command.requestId());
            }
            return earlier; // the same request again: the same answer
        }
        HeldCoupon coupon = coupons.get(command.couponId());
        if (coupon == null) {
            if (standing.containsKey(command.couponId()) || withdrawn.containsKey(command.couponId())) {
                throw new NotRedeemableException(command.couponId());
            }
            throw new CouponNotUsableException(command.couponId(), Usability.UNKNOWN_CODE);
        }
        Usability usability = usability(coupon, catalogues, command.orderAmount(), command.channel(), command.at());
        if (!usability.usable()) {
            throw new CouponNotUsableException(command.couponId(), usability);
        }
        apply(new CouponUsed(memberId, programId, coupon.couponId(), coupon.benefitCode(), command.requestId(),
                command.orderId(), command.orderAmount(), command.channel(), command.at(), coupon.kind()));
        return redemptions.get(command.requestId());
    }

    @CommandHandler
    Redemption handle(ReverseRedemption command) {
        Redemption redemption = redemptions.get(command.requestId());
        if (redemption == null) {
            throw new RedemptionNotFoundException(command.requestId());
        }
        if (!redemption.status().equals("REDEEMED")) {
            return redemption; // reversed before
        }
        HeldCoupon coupon = coupons.get(redemption.benefitId());
        boolean restored = command.at().isBefore(coupon.validUntil()) && status != MemberStatus.CLOSED;
        if (restored) {
            apply(new CouponReinstated(memberId, programId, coupon.couponId(), command.requestId(), command.reason(),
                    command.at(), coupon.validUntil()));
        } else {
            apply(new CouponUseReversed(memberId, programId, coupon.couponId(), command.requestId(), command.reason(),
                    command.at()));
        }
        return redemptions.get(command.requestId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ExchangeView handle(StartExchange command, BenefitCatalogue catalogues) {
        String exchangeId = UUID.nameUUIDFromBytes(
                        (command.memberId().value() + "|exchange|" + command.requestId()).getBytes(StandardCharsets.UTF_8))
                .toString();
        ExchangeView earlier = exchanges.get(exchangeId);
        if (earlier != null) {
            return earlier; // the same request again
        }
        String programme = programId != null ? programId : command.programId();
        ProgrammeCatalogue catalogue = catalogues.of(programme)
                .orElseThrow(() -> new ExchangeNotFoundException("Programme " + programme + " has no catalogue"));
        var item = catalogue.exchangeItem(command.item())
                .orElseThrow(() -> new ExchangeNotFoundException("No exchange item " + command.item()));
        apply(new ExchangeStarted(command.memberId(), programme, exchangeId, command.requestId(), command.item(),
                item.coupon(), item.pointsFor(tier), tier, command.at()));
        return exchanges.get(exchangeId);
    }

    @CommandHandler
    ExchangeView handle(RecordExchangeReserved command) {
        ExchangeView exchange = exchange(command.exchangeId());
        if (exchange.status().equals("STARTED")) {
            apply(new ExchangePointsReserved(memberId, exchange.exchangeId(), command.reservationId(), exchange.points(),
                    command.at()));
        }
        return exchanges.get(command.exchangeId());
    }

    @CommandHandler
    ExchangeView handle(IssueExchangeCoupon command, BenefitCatalogue catalogues, CouponCodes codes) {
        ExchangeView exchange = exchange(command.exchangeId());
        if (!exchange.status().equals("RESERVED")) {
            return exchange;
        }
        ProgrammeCatalogue catalogue = catalogues.of(programId).orElse(null);
        var coupon = catalogue == null ? null : catalogue.exchangeItem(exchange.item())
                .flatMap(item -> catalogue.coupon(item.coupon()).map(t -> new IssuableCoupon(item.coupon(), t)))
                .orElse(null);
        String refusal = status != MemberStatus.ACTIVE ? "MEMBER_" + status : coupon == null ? "ITEM_WITHDRAWN" : null;
        if (refusal != null) {
            apply(new ExchangeIssueRefused(memberId, exchange.exchangeId(), exchange.reservationId(), refusal, command.at()));
        } else {
            // Held, not issued: not usable, not listed, no code drawn or published until the points are spent.
            var template = coupon.template();
            apply(new ExchangeCouponGiven(memberId, exchange.exchangeId(), idOf(exchange.exchangeId(), coupon.code()),
                    exchange.reservationId(), command.at(), coupon.code(), template.description(),
                    new Money(template.faceValue(), catalogue.currency()), new Money(template.minSpend(), catalogue.currency()),
                    template.channels(), template.tierExclusive(), command.at(), command.at().plus(template.validity()),
                    catalogue.version()));
        }
        return exchanges.get(command.exchangeId());
    }

    /**
     * points-service spent the points: the held coupon is issued (its code drawn and published now). A member
     * closed since the coupon was held (under {@code REVOKE_ALL}) has it withdrawn at once, as their other
     * unused coupons were.
     */
    @CommandHandler
    ExchangeView handle(CompleteExchange command, BenefitCatalogue catalogues, CouponCodes codes) {
        ExchangeView exchange = exchange(command.exchangeId());
        if (!exchange.status().equals("ISSUED")) {
            return exchange;
        }
        ExchangeCouponGiven held = heldForExchanges.get(exchange.exchangeId());
        if (held != null && held.holdsTheCoupon() && !coupons.containsKey(held.couponId())) {
            String code = codes.newCode();
            apply(new CouponIssued(memberId, programId, held.couponId(), held.benefitCode(), BenefitKind.COUPON, null,
                    held.description(), held.faceValue(), held.minSpend(), held.channels(), held.tierExclusive(),
                    held.validFrom(), held.validUntil(), CouponCodes.hash(code), codes.seal(code), held.catalogueVersion(),
                    exchange.exchangeId()));
        }
        apply(new ExchangeCompleted(memberId, exchange.exchangeId(), command.at()));
        HeldCoupon coupon = exchange.couponId() == null ? null : coupons.get(exchange.couponId());
        OnClose rule = catalogues.of(programId).map(ProgrammeCatalogue::onClose).orElse(OnClose.REVOKE_ALL);
        if (status == MemberStatus.CLOSED && rule == OnClose.REVOKE_ALL && coupon != null
                && coupon.status() == HeldCoupon.Status.ACTIVE) {
            apply(new CouponWithdrawn(memberId, programId, coupon.couponId(), coupon.benefitCode(), coupon.kind(),
                    "MEMBER_CLOSED", command.at(), exchange.exchangeId()));
        }
        return exchanges.get(command.exchangeId());
    }

    @CommandHandler
    ExchangeView handle(FailExchange command) {
        ExchangeView exchange = exchange(command.exchangeId());
        if (exchange.status().equals("COMPLETED") || exchange.status().equals("FAILED")) {
            return exchange;
        }
        // A coupon held for the exchange is simply never issued. Only an exchange recorded before coupons were held
        // back until the confirmation has an issued coupon to withdraw.
        HeldCoupon coupon = exchange.couponId() == null ? null : coupons.get(exchange.couponId());
        if (coupon != null && coupon.status() == HeldCoupon.Status.ACTIVE) {
            apply(new CouponWithdrawn(memberId, programId, coupon.couponId(), coupon.benefitCode(), coupon.kind(),
                    "EXCHANGE_FAILED", command.at(), exchange.exchangeId()));
        }
        apply(new ExchangeFailed(memberId, exchange.exchangeId(), command.reason(), command.at()));
        return exchanges.get(command.exchangeId());
    }

    @CommandHandler
    ExchangeView handle(DescribeExchange command) {
        return exchange(command.exchangeId());
    }

    private ExchangeView exchange(String exchangeId) {
        ExchangeView exchange = exchanges.get(exchangeId);
        if (exchange == null) {
            throw new ExchangeNotFoundException("No exchange " + exchangeId);
        }
        return exchange;
    }

    @EventSourcingHandler
    void on(ExchangeStarted event) {
        memberId = event.memberId();
        programId = event.programId();
        exchanges.put(event.exchangeId(), new ExchangeView(event.exchangeId(), event.memberId().value(), event.requestId(),
                event.item(), event.points(), "STARTED", null, null, null));
    }

    @EventSourcingHandler
    void on(ExchangePointsReserved event) {
        exchanges.computeIfPresent(event.exchangeId(), (id, x) -> x.with("RESERVED", event.reservationId(), null, null));
    }

    @EventSourcingHandler
    void on(ExchangeCouponGiven event) {
        exchanges.computeIfPresent(event.exchangeId(), (id, x) -> x.with("ISSUED", x.reservationId(), event.couponId(), null));
        heldForExchanges.put(event.exchangeId(), event);
    }

    @EventSourcingHandler
    void on(ExchangeIssueRefused event) {
        exchanges.computeIfPresent(event.exchangeId(), (id, x) -> x.with("CANCELLING", x.reservationId(), null, event.reason()));
    }

    @EventSourcingHandler
    void on(ExchangeCompleted event) {
        heldForExchanges.remove(event.exchangeId());
        exchanges.computeIfPresent(event.exchangeId(), (id, x) -> x.with("COMPLETED", x.reservationId(), x.couponId(), null));
    }

    @EventSourcingHandler
    void on(ExchangeFailed event) {
        heldForExchanges.remove(event.exchangeId());
        exchanges.computeIfPresent(event.exchangeId(), (id, x) -> x.with("FAILED", x.reservationId(), x.couponId(), event.reason()));
    }

    @EventSourcingHandler
    void on(TierNoted event) {
        memberId = event.memberId();
        programId = event.programId();
        tier = event.tier();
    }

    @EventSourcingHandler
    void on(StandingBenefitGiven event) {
        memberId = event.memberId();
        programId = event.programId();
        standing.put(event.benefitId(), new HeldStanding(event.benefitId(), event.benefitCode(), event.kind(), event.tier()));
    }

    @EventSourcingHandler
    void on(StandingBenefitWithdrawn event) {
        standing.remove(event.benefitId());
        withdrawn.put(event.benefitId(), event.reason());
    }

    @EventSourcingHandler
    void on(UpgradePackGiven event) {
        packPeriodEnds.put(event.tier(), event.periodEndsAt());
    }

    /** A gift of the time before packs: once per tier, counted for {@link #FORMER_GIFT_PERIOD}. */
    @EventSourcingHandler
    void on(UpgradeGiftGranted event) {
        memberId = event.memberId();
        programId = event.programId();
        packPeriodEnds.put(event.tier(), event.grantedAt().plus(FORMER_GIFT_PERIOD));
    }

    @EventSourcingHandler
    void on(CouponIssued event) {
        memberId = event.memberId();
        programId = event.programId();
        coupons.put(event.couponId(), HeldCoupon.of(event));
    }

    @EventSourcingHandler
    void on(CouponUsed event) {
        coupons.computeIfPresent(event.couponId(), (id, coupon) -> coupon.with(HeldCoupon.Status.USED));
        redemptions.put(event.requestId(), new Redemption(event.requestId(), memberId.value(), event.couponId(),
                event.orderId(), "REDEEMED", event.usedAt(), coupons.get(event.couponId()).validUntil()));
    }

    @EventSourcingHandler
    void on(CouponReinstated event) {
        coupons.computeIfPresent(event.couponId(), (id, coupon) -> coupon.with(HeldCoupon.Status.ACTIVE));
        redemptions.computeIfPresent(event.requestId(), (id, r) -> r.withStatus("RESTORED"));
    }

    @EventSourcingHandler
    void on(CouponUseReversed event) {
        redemptions.computeIfPresent(event.requestId(), (id, r) -> r.withStatus("REVERSED"));
    }

    @EventSourcingHandler
    void on(CouponWithdrawn event) {
        coupons.computeIfPresent(event.couponId(), (id, coupon) -> coupon.with(HeldCoupon.Status.REVOKED));
    }

    @EventSourcingHandler
    void on(BirthdayNoted event) {
        memberId = event.memberId();
        programId = event.programId();
        birthday = MonthDay.of(event.month(), event.day());
    }

    @EventSourcingHandler
    void on(BirthdayForgotten event) {
        birthday = null;
    }

    @EventSourcingHandler
    void on(BirthdayGiftGiven event) {
        birthdayYears.add(event.year());
    }

    @EventSourcingHandler
    void on(MemberStandingNoted event) {
        memberId = event.memberId();
        programId = event.programId();
        status = event.status();
    }

    /** A standing benefit held. */
    record HeldStanding(String benefitId, String benefitCode, BenefitKind kind, String tier) {}
}
