package com.loyaltysuite.member.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /members}. Without a {@code memberId} the service gives one. */
record RegisterMemberRequest(
        @Pattern(regexp = MEMBER_ID, message = "must be 1 to 64 letters, digits, '_' or '-'") String memberId,
        @NotBlank @Size(max = 100) String name,
        @NotNull @MobileNumber String mobile,
        @Email @Size(min = 1, max = 254) String email,
        @Past LocalDate birthday,
        @NotNull @Valid ConsentsRequest consents) {

    static final String MEMBER_ID = "^[A-Za-z0-9_-]{1,64}$";
}
