package org.fengqiao.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON input hygiene for the whole API: every string is checked by {@link TextHygiene}, so invalid Unicode
 * and control characters are refused at the door with a 400 instead of failing (or worse, being mangled) in
 * the database.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JacksonModule textHygieneModule() {
        return new SimpleModule("fengqiao-text-hygiene").addDeserializer(String.class, new CleanStringDeserializer());
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
                return (String) ctxt.handleWeirdStringValue(String.class, value,
                        "invalid character U+%04X at position %d (text must be valid Unicode without control characters)",
                        (int) value.charAt(bad), bad);
            }
            return value;
        }
    }
}
