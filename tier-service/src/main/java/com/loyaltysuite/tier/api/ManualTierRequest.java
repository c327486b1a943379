package com.loyaltysuite.tier.api;

import com.loyaltysuite.tier.membertier.ManualMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** {@code PUT /members/{id}/tier/manual}: assign a tier by hand until a date, as a floor or a pin. */
record ManualTierRequest(
        @NotBlank @OnLadder String tier,
        @NotNull ManualMode mode,
        @NotBlank @Size(max = 500) String reason,
        @NotBlank @Size(max = 128) String operatorId,
        @NotNull Instant until) {}
