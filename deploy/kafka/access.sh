# Generated from KafkaAccess (common-events) by KafkaAccessTest, which fails when the two
# differ: change the table, not this file. Read by init.sh, which defines user and allow.

user order-system KAFKA_PASSWORD_ORDER_SYSTEM
allow order-system Write --topic orders.order-paid.v1 --topic orders.order-refunded.v1

user member-service KAFKA_PASSWORD_MEMBER_SERVICE
allow member-service Write --topic loyalty.members.v1 --topic loyalty.member-keys.v1 --topic loyalty.member-segments.v1 --topic loyalty.anomalies.v1 --topic orders.order-paid.v1.DLT --topic orders.order-refunded.v1.DLT --topic loyalty.members.v1.DLT
allow member-service Read --topic orders.order-paid.v1 --topic orders.order-refunded.v1 --topic loyalty.members.v1 --group member-service
allow member-service Create --topic loyalty.members.v1 --topic loyalty.member-keys.v1 --topic loyalty.member-segments.v1 --topic loyalty.anomalies.v1 --topic orders.order-paid.v1 --topic orders.order-refunded.v1 --topic orders.order-paid.v1.DLT --topic orders.order-refunded.v1.DLT --topic loyalty.members.v1.DLT

user points-service KAFKA_PASSWORD_POINTS_SERVICE
allow points-service Write --topic loyalty.points.v1 --topic orders.order-paid.v1.DLT --topic orders.order-refunded.v1.DLT --topic loyalty.tiers.v1.DLT --topic loyalty.members.v1.DLT
allow points-service Read --topic orders.order-paid.v1 --topic orders.order-refunded.v1 --topic loyalty.tiers.v1 --topic loyalty.members.v1 --group points-service
allow points-service Create --topic loyalty.points.v1 --topic orders.order-paid.v1 --topic orders.order-refunded.v1 --topic loyalty.tiers.v1 --topic loyalty.members.v1 --topic orders.order-paid.v1.DLT --topic orders.order-refunded.v1.DLT --topic loyalty.tiers.v1.DLT --topic loyalty.members.v1.DLT

user tier-service KAFKA_PASSWORD_TIER_SERVICE
allow tier-service Write --topic loyalty.tiers.v1 --topic loyalty.member-tiers.v1 --topic orders.order-paid.v1.DLT --topic orders.order-refunded.v1.DLT --topic loyalty.points.v1.DLT
allow tier-service Read --topic orders.order-paid.v1 --topic orders.order-refunded.v1 --topic loyalty.points.v1 --group tier-service
allow tier-service Create --topic loyalty.tiers.v1 --topic loyalty.member-tiers.v1 --topic orders.order-paid.v1 --topic orders.order-refunded.v1 --topic loyalty.points.v1 --topic orders.order-paid.v1.DLT --topic orders.order-refunded.v1.DLT --topic loyalty.points.v1.DLT

user benefit-service KAFKA_PASSWORD_BENEFIT_SERVICE
allow benefit-service Write --topic loyalty.benefits.v1 --topic loyalty.tiers.v1.DLT --topic loyalty.members.v1.DLT
allow benefit-service Read --topic loyalty.tiers.v1 --topic loyalty.members.v1 --topic loyalty.member-keys.v1 --group benefit-service
allow benefit-service Create --topic loyalty.benefits.v1 --topic loyalty.tiers.v1 --topic loyalty.members.v1 --topic loyalty.tiers.v1.DLT --topic loyalty.members.v1.DLT --topic loyalty.member-keys.v1

user notification-service KAFKA_PASSWORD_NOTIFICATION_SERVICE
allow notification-service Write --topic loyalty.notifications.v1 --topic loyalty.members.v1.DLT --topic loyalty.tiers.v1.DLT --topic loyalty.points.v1.DLT --topic loyalty.benefits.v1.DLT --topic loyalty.anomalies.v1.DLT
allow notification-service Read --topic loyalty.members.v1 --topic loyalty.tiers.v1 --topic loyalty.points.v1 --topic loyalty.benefits.v1 --topic loyalty.anomalies.v1 --topic loyalty.member-keys.v1 --group notification-service
allow notification-service Create --topic loyalty.notifications.v1 --topic loyalty.members.v1 --topic loyalty.tiers.v1 --topic loyalty.points.v1 --topic loyalty.benefits.v1 --topic loyalty.anomalies.v1 --topic loyalty.members.v1.DLT --topic loyalty.tiers.v1.DLT --topic loyalty.points.v1.DLT --topic loyalty.benefits.v1.DLT --topic loyalty.anomalies.v1.DLT --topic loyalty.member-keys.v1

user analytics KAFKA_PASSWORD_ANALYTICS
allow analytics Read --topic loyalty.tiers.v1 --topic loyalty.member-tiers.v1
allow analytics Read --resource-pattern-type prefixed --group analytics-
