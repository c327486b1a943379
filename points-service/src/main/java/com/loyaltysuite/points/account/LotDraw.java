package com.loyaltysuite.points.account;

/** Points taken from one lot by a movement (a redemption, reversal, expiry or removal). */
public record LotDraw(String lotId, long points) {}
