package com.loyaltysuite.tier.api;

import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.policy.DemotionPolicy;
import com.loyaltysuite.tier.policy.WindowKind;
import com.loyaltysuite.tier.simulation.PolicyProposal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /tiers/simulations}: a proposed ladder and rules; anything left out is the policy in
 * force. {@code memberIds} limits the simulation to some members.
 */
@ValidProposal
record SimulationRequest(
        @Size(max = 64) String policyVersion,
        @Valid @Size(min = 1, max = 20) List<ProposedTier> tiers,
        Period validity,
        WindowKind windowKind,
        Period windowLength,
        DemotionPolicy demotionPolicy,
        Period gracePeriod,
        @Size(max = 10_000) Set<@NotBlank @Size(max = 128) String> memberIds) {

    record ProposedTier(
            @NotBlank String code,
            String nameZhCn,
            String nameEn,
            @NotNull @PositiveOrZero BigDecimal threshold,
            @PositiveOrZero BigDecimal retentionThreshold) {}

    PolicyProposal proposal() {
        List<Tier> ladder = tiers == null
                ? null
                : tiers.stream()
                        .map(t -> new Tier(
                                t.code(),
                                t.nameZhCn() != null ? t.nameZhCn() : t.code(),
                                t.nameEn() != null ? t.nameEn() : t.code(),
                                t.threshold(),
                                t.retentionThreshold()))
                        .toList();
        return new PolicyProposal(policyVersion, ladder, validity, windowKind, windowLength, demotionPolicy, gracePeriod);
    }
}
