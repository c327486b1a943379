package com.loyaltysuite.member.overview;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One part of the member 360 view: what its service answered, or why it is missing.
 *
 * @param missing why the part is absent ({@code null} when it arrived)
 * @param detail  the words a support agent reads beside a missing part
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OverviewPart(boolean available, JsonNode data, Missing missing, String detail) {

    /** Why a part did not arrive. */
    public enum Missing {
        /** The service did not answer within the view's time limit. */
        TIMEOUT,
        /** The service failed often enough lately that it is not being called for a while. */
        CIRCUIT_OPEN,
        /** Too many calls to that service are in flight already. */
        BUSY,
        /** The service could not be reached, or answered with a server error. */
        UNAVAILABLE,
        /** The service knows nothing of this member. */
        NOT_FOUND,
        /** The service refused the caller's token for this part. */
        REFUSED
    }

    public static OverviewPart arrived(JsonNode data) {
        return new OverviewPart(true, data, null, null);
    }

    public static OverviewPart missing(Missing why, String detail) {
        return new OverviewPart(false, null, why, detail);
    }
}
