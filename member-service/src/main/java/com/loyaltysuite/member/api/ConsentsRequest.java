package com.loyaltysuite.member.api;

import com.loyaltysuite.events.member.Consents;
import jakarta.validation.constraints.NotNull;

/** Consent on each channel; both must be given, so that silence is never read as consent. */
record ConsentsRequest(@NotNull Boolean sms, @NotNull Boolean email) {

    Consents toConsents() {
        return new Consents(sms, email);
    }
}
