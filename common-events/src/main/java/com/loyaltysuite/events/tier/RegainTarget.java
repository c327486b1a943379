package com.loyaltysuite.events.tier;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * What a demoted member still lacks to regain the tier they lost, by tier-service's ladder: {@code missing}
 * more qualifying value (spend in the unit's currency, or earned points when the unit is {@code POINTS})
 * within the qualifying window {@code window} (an ISO-8601 period, e.g. {@code P12M}) reaches {@code tier}
 * again. Carried by {@link TierChanged#toRegain()} on a demotion.
 */
public record RegainTarget(
        String tier, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal missing, String unit, String window) {}
