package com.loyaltysuite.member.profile;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Mobile numbers as the programme keeps them: E.164 ({@code +8613800138000}), whatever the member typed
 * ({@code 138 0013 8000}, {@code +86 138-0013-8000}). A number without a country code is read as a
 * number of {@link #DEFAULT_REGION}. Only numbers that can be mobile numbers are accepted: the programme
 * texts them. Plain Java (libphonenumber's metadata), no I/O.
 */
public final class MobileNumbers {

    /** Where a number without a country code is from: the programme's home market. */
    public static final String DEFAULT_REGION = "CN";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private MobileNumbers() {}

    /** The number in E.164, or empty if it is not a valid mobile number. */
    public static Optional<String> e164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 32) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(raw, DEFAULT_REGION);
            PhoneNumberType type = PHONES.getNumberType(number);
            boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return PHONES.isValidNumber(number) && mobile
                    ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String raw) {
        return e164(raw).isPresent();
    }
}
