package com.loyaltysuite.tier.api;

import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.tier.policy.TierPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ladder and rules as {@code GET /tiers} shows them: tiers lowest first, names by language tag. */
record LadderView(
        String policyVersion,
        String basis,
        String unit,
        String validity,
        Map<String, String> window,
        Map<String, String> demotion,
        String atRiskNotice,
        List<TierView> tiers) {

    record TierView(String code, Map<String, String> names, QualifyingValue threshold, QualifyingValue retentionThreshold) {}

    static LadderView of(TierPolicy policy) {
        List<TierView> tiers = policy.tiers().stream()
                .map(tier -> {
                    Map<String, String> names = new LinkedHashMap<>();
                    names.put("zh-CN", tier.nameZhCn());
                    names.put("en", tier.nameEn());
                    return new TierView(
                            tier.code(),
                            names,
                            new QualifyingValue(tier.threshold(), policy.unit()),
                            new QualifyingValue(tier.retentionThreshold(), policy.unit()));
                })
                .toList();
        Map<String, String> window = new LinkedHashMap<>();
        window.put("kind", policy.window().kind().name());
        window.put("length", policy.window().length().toString());
        Map<String, String> demotion = new LinkedHashMap<>();
        demotion.put("policy", policy.demotion().name());
        demotion.put("gracePeriod", policy.gracePeriod().toString());
        return new LadderView(
                policy.policyVersion(),
                policy.basis().name(),
                policy.unit(),
                policy.validity().toString(),
                window,
                demotion,
                policy.atRiskNotice().toString(),
                tiers);
    }
}
