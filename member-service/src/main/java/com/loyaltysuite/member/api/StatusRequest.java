package com.loyaltysuite.member.api;

import com.loyaltysuite.events.member.MemberStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /members/{id}/status}: the new status and why; who decided it comes from the token. */
record StatusRequest(@NotNull MemberStatus status, @NotBlank @Size(max = 512) String reason) {}
