package com.loyaltysuite.benefit.catalogue;

import com.loyaltysuite.events.benefit.BenefitKind;

/** The types of standing benefit a tier can include; each is published as the contract kind of the same name. */
public enum BenefitType {
    /** 会员价: the member pays {@code price-factor} of the list price. */
    MEMBER_PRICE,
    /** 免邮. */
    FREE_SHIPPING,
    /** 优先配送 / 优先发货. */
    PRIORITY_DELIVERY,
    /** 专属客服: a dedicated service line. */
    SERVICE_LINE;

    public BenefitKind kind() {
        return BenefitKind.valueOf(name());
    }
}
