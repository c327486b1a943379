package com.loyaltysuite.events.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.Instant;

/**
 * {@link Instant} as JSON through {@link IsoInstants}: the same text as the Java time module writes
 * with {@code WRITE_DATES_AS_TIMESTAMPS} off, read and written without {@code DateTimeFormatter}.
 * Anything but a canonical UTC string (numbers, offsets, timestamps on) goes to the Java time module's
 * own serializer and deserializer. Register it after that module, so that it wins.
 */
public final class InstantJsonModule extends SimpleModule {

    public InstantJsonModule() {
        super("loyalty-instants");
        addSerializer(Instant.class, new Writer());
        addDeserializer(Instant.class, new Reader());
    }

    private static final class Writer extends StdScalarSerializer<Instant> {

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
                InstantSerializer.INSTANCE.serialize(value, generator, provider);
            } else {
                generator.writeString(IsoInstants.format(value));
            }
        }
    }

    private static final class Reader extends StdScalarDeserializer<Instant> {

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant canonical = IsoInstants.parseCanonical(parser.getText());
                if (canonical != null) {
                    return canonical;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
