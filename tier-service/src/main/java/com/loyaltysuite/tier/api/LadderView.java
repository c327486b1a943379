package com.loyaltysuite.tier.api;

import com.loyaltysuite.events.Money;
import com.loyaltysuite.tier.ladder.TierLadder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ladder as {@code GET /tiers} shows it: tiers lowest first, names by language tag. */
record LadderView(String policyVersion, String validity, List<TierView> tiers) {

    record TierView(String code, Map<String, String> names, Money threshold) {}

    static LadderView of(TierLadder ladder) {
        List<TierView> tiers = ladder.tiers().stream()
                .map(tier -> {
                    Map<String, String> names = new LinkedHashMap<>();
                    names.put("zh-CN", tier.nameZhCn());
                    names.put("en", tier.nameEn());
                    return new TierView(tier.code(), names, new Money(tier.threshold(), ladder.currency()));
                })
                .toList();
        return new LadderView(ladder.policyVersion(), ladder.validity().toString(), tiers);
    }
}
