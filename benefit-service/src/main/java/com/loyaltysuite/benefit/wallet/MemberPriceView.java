package com.loyaltysuite.benefit.wallet;

import java.math.BigDecimal;

/** The member price a member holds: of which tier, its code, and the share of the list price paid. */
public record MemberPriceView(String tier, String benefitCode, BigDecimal priceFactor) {}
