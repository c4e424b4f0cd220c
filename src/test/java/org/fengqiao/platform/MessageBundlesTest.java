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

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
    }

    @Test
    void placeholdersMatchBetweenLanguages() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        for (String key : zh.stringPropertyNames()) {
            int zhArgs = new MessageFormat(zh.getProperty(key)).getFormats().length;
            int enArgs = new MessageFormat(en.getProperty(key, "")).getFormats().length;
            assertThat(enArgs).as(key).isEqualTo(zhArgs);
        }
    }

    @Test
    void theDefaultBundleIsChinese() throws IOException {
        assertThat(load("messages.properties").getProperty("status.IN_PROGRESS")).isEqualTo("办理中");
    }
}
