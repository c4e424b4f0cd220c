package org.fengqiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Chinese and English speak about the same things: every key exists in both bundles with the same
 * placeholders.
 */
class MessageBundlesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    /** Every bundle listed in {@code spring.messages.basename}, as its Chinese (default) file. */
    static java.util.List<String> bundles() throws IOException {
        String yml = new String(new ClassPathResource("application.yml").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        String line = yml.lines().filter(l -> l.strip().startsWith("basename:")).findFirst().orElseThrow();
        return java.util.Arrays.stream(line.substring(line.indexOf(':') + 1).split(","))
                .map(String::strip).filter(b -> new ClassPathResource(b + ".properties").exists()).toList();
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        for (String bundle : bundles()) {
            Properties zh = load(bundle + ".properties");
            Properties en = load(bundle + "_en.properties");
            assertThat(en.stringPropertyNames()).as(bundle).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
        }
    }

    @Test
    void placeholdersMatchBetweenLanguages() throws IOException {
        for (String bundle : bundles()) {
            Properties zh = load(bundle + ".properties");
            Properties en = load(bundle + "_en.properties");
            for (String key : zh.stringPropertyNames()) {
                int zhArgs = new MessageFormat(zh.getProperty(key)).getFormats().length;
                int enArgs = new MessageFormat(en.getProperty(key, "")).getFormats().length;
                assertThat(enArgs).as(bundle + ": " + key).isEqualTo(zhArgs);
            }
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (String bundle : bundles()) {
            for (String key : load(bundle + ".properties").stringPropertyNames()) {
                assertThat(seen.put(key, bundle)).as(key + " is in " + bundle + " and " + seen.get(key)).isNull();
            }
        }
    }

    @Test
    void theDefaultBundleIsChinese() throws IOException {
        assertThat(load("messages.properties").getProperty("status.IN_PROGRESS")).isEqualTo("办理中");
    }
}
