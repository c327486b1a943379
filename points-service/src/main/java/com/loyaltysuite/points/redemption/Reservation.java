package com.loyaltysuite.points.redemption;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.account.AccountEntity;
import com.loyaltysuite.points.account.RequestIdReusedException;
import java.time.Instant;
import java.util.List;

/**
 * Points held for one checkout (an entity of {@code PointsAccount}): open until confirmed, cancelled or
 * expired. It knows which of those moves its state allows and follows its own events; the account,
 * which owns the lots the points are held in, applies them.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class Reservation extends AccountEntity {

    private final String id;

    private final String orderId;
    private final long points;
    private final Instant expiresAt;
    private ReservationStatus status = ReservationStatus.OPEN;

    @JsonCreator
    Reservation(String id, String orderId, long points, Instant expiresAt) {
        this.id = id;
        this.orderId = orderId;
        this.points = points;
        this.expiresAt = expiresAt;
    }

    public static Reservation of(PointsReserved reserved) {
        return new Reservation(reserved.reservationId(), reserved.orderId(), reserved.points(), reserved.expiresAt());
    }

    /** Applied by the account, which looks the reservation up by id. */
    public void confirmed() {
        status = ReservationStatus.CONFIRMED;
    }

    /** Applied by the account, which looks the reservation up by id. */
    public void released(ReservationStatus status) {
        this.status = status;
    }

    /** The same request id again: the same request is answered as before, another one is refused. */
    public ReservationView repeated(ReservePoints request, MemberId memberId, RedemptionPolicy redemption) {
        if (points != request.points() || !orderId.equals(request.orderId())) {
            throw new RequestIdReusedException(id);
        }
        return view(memberId, redemption);
    }

    /** True if confirming spends the points now, false if it did before; refused once cancelled or expired. */
    public boolean confirms() {
        if (status != ReservationStatus.OPEN && status != ReservationStatus.CONFIRMED) {
            throw new ReservationClosedException(id, status);
        }
        return status == ReservationStatus.OPEN;
    }

    /** True if cancelling gives the points back now, false if they went back before; refused once confirmed. */
    public boolean cancels() {
        if (status == ReservationStatus.CONFIRMED) {
            throw new ReservationClosedException(id, status);
        }
        return status == ReservationStatus.OPEN;
    }

    public boolean isOpen() {
        return status == ReservationStatus.OPEN;
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public long points() {
        return points;
    }

    public ReservationView view(MemberId memberId, RedemptionPolicy redemption) {
        return new ReservationView(id, memberId.value(), orderId, points, redemption.valueOf(points), status, expiresAt);
    }

    @Override
    protected List<Object> state() {
        return List.of(id, orderId, points, expiresAt, status);
    }
}
