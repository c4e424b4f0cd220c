package org.fengqiao.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Predicate;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON input hygiene for the whole API. Every string is checked by {@link TextHygiene}, so invalid Unicode and
 * control characters are refused at the door with a 400 instead of failing (or worse, being mangled) in the
 * database. Values are taken only in their own JSON type: no enum by position ({@code "channel": 3}), no
 * fraction cut to a whole number ({@code 20.9}), no number or boolean written as a string ({@code "5"},
 * {@code "true"}), no duplicate keys. Dates and times must lie in {@link PlausibleDates}' range.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /** Marks a string refused for its characters, so the problem detail can say so. */
    static final String INVALID_CHARACTER = "invalid character";

    @Bean
    JacksonModule textHygieneModule() {
        return new SimpleModule("fengqiao-text-hygiene")
                .addDeserializer(String.class, new CleanStringDeserializer())
                .addDeserializer(LocalDate.class, new Plausible<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                        PlausibleDates::isPlausible))
                .addDeserializer(Instant.class, new Plausible<>(Instant.class, InstantDeserializer.INSTANT,
                        PlausibleDates::isPlausible))
                .addDeserializer(OffsetDateTime.class, new Plausible<>(OffsetDateTime.class,
                        InstantDeserializer.OFFSET_DATE_TIME, PlausibleDates::isPlausible));
    }

    @Bean
    JsonMapperBuilderCustomizer strictTypes() {
        return builder -> builder
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    static final class CleanStringDeserializer extends StdScalarDeserializer<String> {

        CleanStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = p.getString();
            int bad = TextHygiene.firstInvalidChar(value);
            if (bad >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, value, INVALID_CHARACTER);
            }
            return value;
        }
    }

    /** A date or time read by Jackson's own deserializer, then refused when outside the plausible range. */
    static final class Plausible<T> extends StdScalarDeserializer<T> {

        private final ValueDeserializer<? extends T> delegate;
        private final Predicate<T> plausible;

        Plausible(Class<T> type, ValueDeserializer<? extends T> delegate, Predicate<T> plausible) {
            super(type);
            this.delegate = delegate;
            this.plausible = plausible;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getString();
            T value;
            try {
                value = delegate.deserialize(p, ctxt);
            } catch (RuntimeException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, "not a date");
            }
            if (!plausible.test(value)) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, "out of range");
            }
            return value;
        }
    }
}
