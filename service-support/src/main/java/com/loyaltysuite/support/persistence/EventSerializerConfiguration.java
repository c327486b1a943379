package com.loyaltysuite.support.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.SerializerProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The event serializer Axon would make, wrapped in a {@link CachingEventSerializer}: each stored
 * event is deserialized once per service rather than once per tracking processor.
 *
 * <p>An auto-configuration of its own, ordered before Axon's, whose {@code eventSerializer} backs off
 * when a bean of that qualifier exists. With the services' {@code axon.serializer.*} all
 * {@code jackson} ({@code ServiceConventions}), Axon's event serializer is its general serializer (the
 * one snapshots and tokens use, left as it is): the delegate here is chosen by Axon's own rule, and
 * built as Axon builds one only when the properties make the event serializer a separate one.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@ConditionalOnProperty("loyalty.service.name")
public class EventSerializerConfiguration {

    /**
     * Deserialized payloads and metadata kept at most. Processors read in batches of up to 500 events
     * ({@code loyalty.axon.batch-size}); each event's payload is an entry, and its metadata another,
     * shared by the events of one unit of work. This keeps roughly the last ten batches, so a processor
     * that far behind the first reader still finds what it read.
     */
    static final String DEFAULT_MAX_SIZE = "10000";

    @Bean
    @Qualifier("eventSerializer")
    @ConditionalOnProperty(name = "axon.serializer.events", havingValue = "jackson")
    CachingEventSerializer eventSerializer(
            @Qualifier("messageSerializer") Serializer messageSerializer,
            @Qualifier("serializer") Serializer generalSerializer,
            RevisionResolver revisionResolver,
            SerializerProperties serializers,
            ApplicationContext context,
            MeterRegistry meters,
            @Value("${loyalty.axon.deserialized-cache.max-size:" + DEFAULT_MAX_SIZE + "}") int maximumSize) {
        Serializer delegate;
        // Axon's AxonAutoConfiguration.eventSerializer, for events = jackson.
        if (serializers.getEvents().equals(serializers.getMessages())) {
            delegate = messageSerializer;
        } else if (serializers.getEvents().equals(serializers.getGeneral())) {
            delegate = generalSerializer;
        } else {
            delegate = JacksonSerializer.builder()
                    .revisionResolver(revisionResolver)
                    .converter(new ChainingConverter(context.getClassLoader()))
                    .objectMapper(axonObjectMapper(context))
                    .build();
        }
        return new CachingEventSerializer(delegate, maximumSize, meters);
    }

    /** The ObjectMapper Axon's Jackson serializers take: its own if defined, else the first there is. */
    private static ObjectMapper axonObjectMapper(ApplicationContext context) {
        Map<String, ObjectMapper> mappers = BeanFactoryUtils.beansOfTypeIncludingAncestors(context, ObjectMapper.class);
        ObjectMapper axons = mappers.get("defaultAxonObjectMapper");
        if (axons != null) {
            return axons;
        }
        return mappers.values().stream()
                .findFirst()
                .orElseThrow(() -> new NoSuchBeanDefinitionException(ObjectMapper.class));
    }
}
