package com.loyaltysuite.support.security;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes a phone number or email in full only for callers who may see it ({@link ContactDetails}),
 * masked for everyone else: put {@code @JsonSerialize(using = MaskedContact.class)} on the field of a
 * view. The member is the request's {@code {memberId}}; outside a request it is always masked.
 */
public class MaskedContact extends StdSerializer<String> {

    public MaskedContact() {
        super(String.class);
    }

    @Override
    public void serialize(String contact, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeString(shownInFull() ? contact : ContactDetails.mask(contact));
    }

    private static boolean shownInFull() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return ContactDetails.shownInFullTo(variables == null ? null : variables.get("memberId"));
    }
}
