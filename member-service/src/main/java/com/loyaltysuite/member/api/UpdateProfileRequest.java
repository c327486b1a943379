package com.loyaltysuite.member.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.loyaltysuite.events.Channel;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Body of {@code PATCH /members/{id}}: the fields to change; a field left out (or null) stays as it is.
 * At least one field is given. {@code preferredChannels} lists the channels the member wants to be told
 * on ({@code SMS}, {@code EMAIL}); an empty list clears it (any channel they consented to); another value
 * is a 400 naming the field.
 */
record UpdateProfileRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @MobileNumber String mobile,
        @Email @Size(min = 1, max = 254) String email,
        @Past LocalDate birthday,
        @Size(min = 2, max = 35) @Pattern(regexp = LOCALE, message = "must be a language tag, e.g. zh-CN") String locale,
        @Size(min = 1, max = 64) @TimeZoneId String timeZone,
        @Size(max = 2) List<@NotNull Channel> preferredChannels) {

    /** BCP 47 as members send it: a language, optionally a script and a region. */
    static final String LOCALE = "^[a-zA-Z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$";

    @JsonIgnore
    @AssertTrue(message = "at least one field must be given")
    boolean isAnyFieldGiven() {
        return Stream.of(name, mobile, email, birthday, locale, timeZone, preferredChannels)
                .anyMatch(java.util.Objects::nonNull);
    }

    /** The locale as one writes it: {@code zh-CN}, whatever case it came in. */
    String normalisedLocale() {
        return locale == null ? null : Locale.forLanguageTag(locale).toLanguageTag();
    }
}
