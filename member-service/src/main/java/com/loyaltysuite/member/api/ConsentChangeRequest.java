package com.loyaltysuite.member.api;

import com.loyaltysuite.events.member.ConsentPurpose;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code PUT /members/{id}/consents}: consent on each channel for one purpose (marketing when
 * left out); both channels must be given, so that silence is never read as consent.
 */
record ConsentChangeRequest(@NotNull Boolean sms, @NotNull Boolean email, ConsentPurpose purpose) {

    ConsentPurpose purposeOrMarketing() {
        return purpose == null ? ConsentPurpose.MARKETING : purpose;
    }
}
