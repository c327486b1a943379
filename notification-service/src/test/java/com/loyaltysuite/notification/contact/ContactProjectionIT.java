package com.loyaltysuite.notification.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactProjectionTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    final Map<String, MemberContact> rows = new HashMap<>();
    ContactProjection projection;

    @BeforeEach
    void setUp() {
        MemberContactRepository repository = mock(MemberContactRepository.class);
        when(repository.findById(anyString())).thenAnswer(call -> Optional.ofNullable(rows.get(call.<String>getArgument(0))));
        when(repository.save(any())).thenAnswer(call -> {
            MemberContact contact = call.getArgument(0);
            rows.put(contact.view().memberId(), contact);
            return contact;
        });
        projection = new ContactProjection(repository);
    }

    @Test
    void aRegistrationRecordsContactDetailsAndConsents() {
        projection.on(registered());

        assertThat(contact()).contains(new ContactView(
                "M-1", "default", "张三", "13800000000", "zhang@example.com", false, true, false));
    }

    @Test
    void aProfileUpdateReplacesTheDetailsAndKeepsTheConsents() {
        projection.on(registered());
        projection.on(new MemberProfileUpdated(MEMBER, "default", "张三丰", null, "feng@example.com", null, T0.plusSeconds(60)));

        assertThat(contact()).hasValueSatisfying(view -> {
            assertThat(view.name()).isEqualTo("张三丰");
            assertThat(view.mobile()).isNull();
            assertThat(view.email()).isEqualTo("feng@example.com");
            assertThat(view.emailConsent()).isTrue();
        });
    }

    @Test
    void aConsentChangeTouchesOneChannel() {
        projection.on(registered());
        projection.on(new ConsentChanged(MEMBER, "default", Channel.EMAIL, false, T0.plusSeconds(60)));
        projection.on(new ConsentChanged(MEMBER, "default", Channel.SMS, true, T0.plusSeconds(120)));

        assertThat(contact()).hasValueSatisfying(view -> {
            assertThat(view.emailConsent()).isFalse();
            assertThat(view.smsConsent()).isTrue();
            assertThat(view.email()).isEqualTo("zhang@example.com");
        });
    }

    @Test
    void erasureDropsThePersonalDataForGood() {
        projection.on(registered());
        projection.on(new MemberErased(MEMBER, "default", "member request", T0.plusSeconds(60)));
        projection.on(new MemberProfileUpdated(MEMBER, "default", "张三", null, "zhang@example.com", null, T0.plusSeconds(120)));
        projection.on(new ConsentChanged(MEMBER, "default", Channel.EMAIL, true, T0.plusSeconds(180)));

        assertThat(contact()).contains(new ContactView("M-1", "default", null, null, null, false, false, true));
    }

    @Test
    void aConsentForAMemberNotYetSeenStartsAContactWithoutDetails() {
        projection.on(new ConsentChanged(MEMBER, "default", Channel.SMS, true, T0));

        assertThat(contact()).contains(new ContactView("M-1", "default", null, null, null, true, false, false));
    }

    @Test
    void anUnknownMemberHasNoContact() {
        assertThat(contact()).isEmpty();
    }

    private Optional<ContactView> contact() {
        return projection.handle(new FindContact(MEMBER));
    }

    static MemberRegistered registered() {
        return new MemberRegistered(
                MEMBER,
                "default",
                "张三",
                "13800000000",
                "zhang@example.com",
                LocalDate.of(1990, 5, 20),
                new Consents(false, true),
                T0);
    }
}
