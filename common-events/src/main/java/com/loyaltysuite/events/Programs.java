package com.loyaltysuite.events;

/** Programme identifiers. One programme runs in v1; every event still names it. */
public final class Programs {

    /** The programme an event belongs to when its producer names none. */
    public static final String DEFAULT = "default";

    private Programs() {}

    public static String orDefault(String programId) {
        return programId == null || programId.isBlank() ? DEFAULT : programId;
    }
}
