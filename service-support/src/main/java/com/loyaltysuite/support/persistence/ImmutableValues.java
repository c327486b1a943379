package com.loyaltysuite.support.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.MetaData;

/**
 * Tells whether a deserialized object may be handed to several readers at once: nothing reachable
 * from it can be changed. Decided from what the object is at run time, not from what its class
 * promises: a record is immutable only if every component value is, and a {@code List} component
 * only if Jackson's list was copied into one of the JDK's unmodifiable collections (the record's
 * constructor did {@code List.copyOf}); a record that keeps the {@code ArrayList} Jackson made is
 * not. Anything this does not know (arrays, ordinary classes, mutable or view collections, an
 * unknown serialized type) is not immutable.
 *
 * <p>What is known about each class is worked out once ({@link ClassValue}); a record whose
 * components are all of immutable types (primitives, strings, {@code java.time}, enums, such
 * records) needs no look at its values.
 */
final class ImmutableValues {

    /** Deeper than any event; a structure this deep is not cached rather than walked further. */
    private static final int MAX_DEPTH = 16;

    /** Value classes matched exactly ({@code BigDecimal} and {@code BigInteger} may be subclassed). */
    private static final Set<Class<?>> VALUE_CLASSES = Set.of(
            String.class,
            Boolean.class,
            Byte.class,
            Short.class,
            Integer.class,
            Long.class,
            Float.class,
            Double.class,
            Character.class,
            BigDecimal.class,
            BigInteger.class,
            UUID.class,
            Instant.class,
            LocalDate.class,
            LocalTime.class,
            LocalDateTime.class,
            OffsetDateTime.class,
            OffsetTime.class,
            ZonedDateTime.class,
            Duration.class,
            Period.class,
            Year.class,
            YearMonth.class,
            MonthDay.class,
            DayOfWeek.class);

    /** The JDK's unmodifiable collections ({@code List.of}, {@code List.copyOf}, {@code Stream.toList}, …). */
    private static final Set<Class<?>> UNMODIFIABLE_COLLECTIONS = classesOf(
            List.of().getClass(),
            List.of(1).getClass(),
            List.of(1, 2, 3).getClass(),
            Set.of().getClass(),
            Set.of(1).getClass(),
            Set.of(1, 2, 3).getClass(),
            Collections.emptyList().getClass(),
            Collections.emptySet().getClass());

    private static final Set<Class<?>> UNMODIFIABLE_MAPS = classesOf(
            Map.of().getClass(),
            Map.of(1, 1).getClass(),
            Map.of(1, 1, 2, 2).getClass(),
            Collections.emptyMap().getClass(),
            // Axon's metadata: an unmodifiable copy of the map it was made from.
            MetaData.class);

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return shapeOf(type);
        }
    };

    private ImmutableValues() {}

    static boolean isImmutable(Object value) {
        return isImmutable(value, 0);
    }

    private static boolean isImmutable(Object value, int depth) {
        if (value == null) {
            return true;
        }
        if (depth > MAX_DEPTH) {
            return false;
        }
        Shape shape = SHAPES.get(value.getClass());
        return switch (shape.kind()) {
            case IMMUTABLE -> true;
            case MUTABLE -> false;
            case RECORD -> componentsAreImmutable(value, shape.accessors(), depth);
            case COLLECTION -> allImmutable((Collection<?>) value, depth);
            case MAP -> allImmutable(((Map<?, ?>) value).keySet(), depth)
                    && allImmutable(((Map<?, ?>) value).values(), depth);
        };
    }

    private static boolean componentsAreImmutable(Object record, Method[] accessors, int depth) {
        for (Method accessor : accessors) {
            Object component;
            try {
                component = accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                return false;
            }
            if (!isImmutable(component, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allImmutable(Collection<?> values, int depth) {
        for (Object value : values) {
            if (!isImmutable(value, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Several of these are one class (the JDK's {@code ListN} is also the empty list). */
    private static Set<Class<?>> classesOf(Class<?>... classes) {
        return Set.copyOf(Arrays.asList(classes));
    }

    private static Shape shapeOf(Class<?> type) {
        if (VALUE_CLASSES.contains(type) || Enum.class.isAssignableFrom(type) || isJavaTimeZone(type)) {
            // An enum constant is a singleton: sharing it is what Jackson does anyway.
            return Shape.IMMUTABLE;
        }
        if (UNMODIFIABLE_COLLECTIONS.contains(type)) {
            return Shape.COLLECTION;
        }
        if (UNMODIFIABLE_MAPS.contains(type)) {
            return Shape.MAP;
        }
        if (type.isRecord()) {
            return recordShape(type);
        }
        return Shape.MUTABLE;
    }

    private static Shape recordShape(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (hasOnlyImmutableTypes(type, new HashSet<>())) {
            return Shape.IMMUTABLE;
        }
        Method[] accessors = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            Method accessor = components[i].getAccessor();
            // A record nested in a class that is not public has public accessors we may not call yet.
            if (!accessor.trySetAccessible()) {
                return Shape.MUTABLE;
            }
            accessors[i] = accessor;
        }
        return new Shape(Kind.RECORD, accessors);
    }

    /** Whether every value of this declared type is immutable, whatever the instance. */
    private static boolean hasOnlyImmutableTypes(Class<?> type, Set<Class<?>> visiting) {
        if (type.isPrimitive() || Enum.class.isAssignableFrom(type) || isJavaTimeZone(type)) {
            return true;
        }
        if (VALUE_CLASSES.contains(type)) {
            // A declared BigDecimal may hold a subclass: checked on the instance instead.
            return Modifier.isFinal(type.getModifiers());
        }
        if (!type.isRecord() || !visiting.add(type)) {
            // A record that contains itself is walked on the instance, as deep as MAX_DEPTH.
            return false;
        }
        try {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!hasOnlyImmutableTypes(component.getType(), visiting)) {
                    return false;
                }
            }
            return true;
        } finally {
            visiting.remove(type);
        }
    }

    private static boolean isJavaTimeZone(Class<?> type) {
        return ZoneId.class.isAssignableFrom(type) && type.getName().startsWith("java.time.");
    }

    private enum Kind {
        IMMUTABLE,
        MUTABLE,
        RECORD,
        COLLECTION,
        MAP
    }

    private record Shape(Kind kind, Method[] accessors) {
        static final Shape IMMUTABLE = new Shape(Kind.IMMUTABLE, null);
        static final Shape MUTABLE = new Shape(Kind.MUTABLE, null);
        static final Shape COLLECTION = new Shape(Kind.COLLECTION, null);
        static final Shape MAP = new Shape(Kind.MAP, null);
    }
}
