package org.fengqiao.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Leaflet's {@code bindTooltip} and {@code bindPopup} put a string in as HTML. Case titles and region names are
 * people's text (stored markup would run in every viewer's page), so the map scripts pass them as an element
 * with {@code textContent}, or as a string only after escaping every value with {@code text(...)}.
 */
class MapScriptsTest {

    static final Path JS = Path.of("src/main/resources/static/js");
    static final Pattern RAW_VALUE_AS_HTML = Pattern.compile(
            "bind(?:Tooltip|Popup)\\(\\s*(?:[A-Za-z_$][\\w$]*\\.)+(?:title|name|properties)\\b");
    static final Pattern CONCATENATED = Pattern.compile("\\+\\s*(?:[A-Za-z_$][\\w$]*\\.)+(?:title|name)\\b");

    @Test
    void titlesAndRegionNamesReachTheMapAsText() throws IOException {
        for (String file : new String[] {"casemap.js", "fengqiao.js"}) {
            String script = Files.readString(JS.resolve(file));
            Matcher raw = RAW_VALUE_AS_HTML.matcher(script);
            assertThat(raw.find()).as("%s passes a stored value to Leaflet as HTML: %s", file,
                    raw.find(0) ? raw.group() : "").isFalse();
            Matcher concat = CONCATENATED.matcher(script);
            assertThat(concat.find()).as("%s concatenates a stored value into HTML unescaped", file).isFalse();
        }
    }
}
