package com.loyaltysuite.events.order;

import com.loyaltysuite.events.Money;

/** One line of a paid order. */
public record LineItem(String sku, String category, int quantity, Money amount) {}
