package com.loyaltysuite.notification.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.Channel;
import com.loyaltysuite.notification.channel.Provider;
import com.loyaltysuite.notification.channel.ResilientProvider;
import com.loyaltysuite.notification.channel.SmsGateway;
import com.loyaltysuite.notification.channel.SmtpProvider;
import com.loyaltysuite.notification.delivery.ConsentPolicy;
import com.loyaltysuite.notification.delivery.DeliveryQueue;
import com.loyaltysuite.notification.delivery.Dispatcher;
import com.loyaltysuite.notification.delivery.MessageTemplates;
import com.loyaltysuite.notification.delivery.NotificationProperties;
import com.loyaltysuite.notification.delivery.Notifier;
import com.loyaltysuite.notification.delivery.Triggers;
import com.loyaltysuite.support.transactions.RootUnitOfWork;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedThreadPoolBulkheadMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The channels and their dispatchers: for each channel (SMS, email) a provider behind its own
 * resilience4j guards, a dispatcher on a scheduler thread of its own and a few worker threads of its
 * own. Nothing of one channel is shared with the other or with the Kafka consumer, so a provider that
 * hangs stalls nothing but its own messages.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeliveryConfiguration.class);

    @Bean
    MessageTemplates messageTemplates(NotificationProperties properties) {
        return new MessageTemplates(properties.templates());
    }

    @Bean
    CircuitBreakerRegistry notificationCircuitBreakers(MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    RateLimiterRegistry notificationRateLimiters(MeterRegistry meters) {
        RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    ThreadPoolBulkheadRegistry notificationBulkheads(MeterRegistry meters) {
        ThreadPoolBulkheadRegistry registry = ThreadPoolBulkheadRegistry.ofDefaults();
        TaggedThreadPoolBulkheadMetrics.ofThreadPoolBulkheadRegistry(registry).bindTo(meters);
        return registry;
    }

    /** Ends the calls that take too long (resilience4j's time limiter); never runs a call itself. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler notificationTimeouts() {
        return scheduler("notification-timeouts-", 1);
    }

    /** The parts every dispatcher shares. */
    record DispatchParts(
            NotificationProperties properties,
            Clock clock,
            CircuitBreakerRegistry breakers,
            RateLimiterRegistry rateLimiters,
            ThreadPoolBulkheadRegistry bulkheads,
            ScheduledExecutorService timer,
            DeliveryQueue queue,
            Triggers triggers,
            MessageTemplates templates,
            ConsentPolicy consent,
            QueryGateway queries,
            EventGateway events,
            RootUnitOfWork unitOfWork,
            PlatformTransactionManager transactionManager,
            Notifier notifier,
            MeterRegistry meters) {

        Dispatcher dispatcher(Provider provider) {
            return new Dispatcher(
                    new ResilientProvider(
                            provider, properties.resilience(provider.channel()), breakers, rateLimiters, bulkheads, timer),
                    queue,
                    triggers,
                    templates,
                    consent,
                    queries,
                    events,
                    unitOfWork,
                    new TransactionTemplate(transactionManager),
                    properties,
                    notifier,
                    clock,
                    meters,
                    workers(provider.channel(), properties.resilience(provider.channel()).concurrency()));
        }
    }

    @Bean
    DispatchParts notificationDispatchParts(
            NotificationProperties properties,
            Clock clock,
            CircuitBreakerRegistry breakers,
            RateLimiterRegistry rateLimiters,
            ThreadPoolBulkheadRegistry bulkheads,
            ThreadPoolTaskScheduler notificationTimeouts,
            DeliveryQueue queue,
            Triggers triggers,
            MessageTemplates templates,
            ConsentPolicy consent,
            QueryGateway queries,
            EventGateway events,
            RootUnitOfWork unitOfWork,
            PlatformTransactionManager transactionManager,
            Notifier notifier,
            MeterRegistry meters) {
        return new DispatchParts(properties, clock, breakers, rateLimiters, bulkheads,
                notificationTimeouts.getScheduledExecutor(), queue, triggers, templates, consent, queries, events,
                unitOfWork, transactionManager, notifier, meters);
    }

    @Bean
    Dispatcher emailDispatcher(DispatchParts parts, JavaMailSenderImpl mail) {
        return parts.dispatcher(new SmtpProvider(mail, parts.properties().from()));
    }

    @Bean
    Dispatcher smsDispatcher(DispatchParts parts, ObjectMapper json) {
        NotificationProperties properties = parts.properties();
        return parts.dispatcher(
                new SmsGateway(properties.sms(), properties.resilience(Channel.SMS).timeout(), parts.clock(), json));
    }

    /** Runs each channel's dispatcher on a scheduler thread of its own, from start to shutdown. */
    @Bean
    SmartLifecycle notificationDispatching(List<Dispatcher> notificationDispatchers, NotificationProperties properties) {
        return new SmartLifecycle() {
            private List<ThreadPoolTaskScheduler> schedulers = List.of();

            @Override
            public void start() {
                notificationDispatchers.forEach(Dispatcher::resume);
                schedulers = notificationDispatchers.stream()
                        .map(dispatcher -> {
                            ThreadPoolTaskScheduler scheduler = scheduler(
                                    "notification-" + dispatcher.channel().name().toLowerCase(Locale.ROOT) + "-", 1);
                            scheduler.scheduleWithFixedDelay(dispatcher::drain, properties.dispatch().pollInterval());
                            log.info("Dispatching {} messages every {}", dispatcher.channel(), properties.dispatch().pollInterval());
                            return scheduler;
                        })
                        .toList();
            }

            @Override
            public void stop() {
                notificationDispatchers.forEach(Dispatcher::stop);
                schedulers.forEach(ThreadPoolTaskScheduler::shutdown);
                schedulers = List.of();
            }

            @Override
            public boolean isRunning() {
                return !schedulers.isEmpty();
            }
        };
    }

    private static ThreadPoolTaskExecutor workers(Channel channel, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("notification-" + channel.name().toLowerCase(Locale.ROOT) + "-worker-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    private static ThreadPoolTaskScheduler scheduler(String prefix, int threads) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix(prefix);
        scheduler.setPoolSize(threads);
        scheduler.setDaemon(true);
        scheduler.initialize();
        return scheduler;
    }
}
