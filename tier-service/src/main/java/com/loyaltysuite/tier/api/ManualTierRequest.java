package com.loyaltysuite.tier.api;

import com.loyaltysuite.tier.membertier.ManualMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * {@code PUT /members/{id}/tier/manual}: assign a tier by hand until a date, as a floor or a pin. The
 * operator is the token's subject, never a field of the body.
 */
record ManualTierRequest(
        @NotBlank @OnLadder String tier,
        @NotNull ManualMode mode,
        @NotBlank @Size(max = 500) String reason,
        @NotNull Instant until) {}
