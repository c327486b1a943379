package com.loyaltysuite.points.account;

import com.loyaltysuite.points.adjustment.AdjustmentRecorded;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.earning.PointsMadeAvailable;
import com.loyaltysuite.points.earning.TierChangeRecorded;
import com.loyaltysuite.points.expiry.DuePointsExpired;
import com.loyaltysuite.points.expiry.ExpiringPointsWarned;
import com.loyaltysuite.points.redemption.PointsReserved;
import com.loyaltysuite.points.redemption.ReservationConfirmed;
import com.loyaltysuite.points.redemption.ReservationReleased;
import com.loyaltysuite.points.refund.RefundAwaitingOrderRecorded;
import com.loyaltysuite.points.refund.RefundReversed;
import com.loyaltysuite.support.persistence.RenamedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names the account's events were stored under before they moved to their feature packages and
 * took names of their own (payloads unchanged): such events load as the classes that stand for them
 * now. A line stays as long as events stored under its name may exist (EventsStoredBeforeRenamesIT).
 */
@Configuration(proxyBeanMethods = false)
class FormerEventNames {

    private static final String FORMER_PACKAGE = "com.loyaltysuite.points.account.";

    @Bean
    RenamedEvents pointsAccountFormerEventNames() {
        return RenamedEvents.builder()
                .renamed(FORMER_PACKAGE + "PointsEarned", EarningRecorded.class)
                .renamed(FORMER_PACKAGE + "PointsAvailable", PointsMadeAvailable.class)
                .renamed(FORMER_PACKAGE + "TierRecorded", TierChangeRecorded.class)
                .renamed(FORMER_PACKAGE + "RefundOfUnknownOrderRecorded", RefundAwaitingOrderRecorded.class)
                .renamed(FORMER_PACKAGE + "PointsReversed", RefundReversed.class)
                .renamed(FORMER_PACKAGE + "PointsReserved", PointsReserved.class)
                .renamed(FORMER_PACKAGE + "PointsRedeemed", ReservationConfirmed.class)
                .renamed(FORMER_PACKAGE + "ReservationReleased", ReservationReleased.class)
                .renamed(FORMER_PACKAGE + "PointsExpiring", ExpiringPointsWarned.class)
                .renamed(FORMER_PACKAGE + "PointsExpired", DuePointsExpired.class)
                .renamed(FORMER_PACKAGE + "PointsAdjusted", AdjustmentRecorded.class)
                .build();
    }
}
