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

    @Transactional
    @Modifying
    @Query("update NotificationDelivery d set d.recipient = null where d.memberId = ?1")
    int forgetRecipients(String memberId);
}
