package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface NotificationDeliveryRepository extends JpaRepository<NotificationDelivery, String> {

    boolean existsByCausationIdAndChannelAndTemplate(String causationId, Channel channel, String template);

    List<NotificationDelivery> findByMemberIdOrderByRecordedAtDescNotificationIdDesc(String memberId);

    List<NotificationDelivery> findByMemberIdAndStatusOrderByRecordedAtAscNotificationIdAsc(
            String memberId, DeliveryStatus status);

    long countByStatus(DeliveryStatus status);

    @Transactional
    @Modifying
    @Query("update NotificationDelivery d set d.recipient = null where d.memberId = ?1")
    int forgetRecipients(String memberId);

    /**
     * Serialises, per member, parking a delivery against releasing the member's waiting ones, until
     * the end of the transaction: without it, a delivery parked while the registration commits would
     * miss its release and wait for nothing.
     */
    @Query(value = "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) locked", nativeQuery = true)
    long lockMember(String memberId);
}
