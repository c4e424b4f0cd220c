package org.fengqiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every word a user reads comes from the message bundles: a template with visible text or a title,
 * placeholder, aria-label or alt that Thymeleaf does not replace fails the build, and so does a message key
 * that is missing from the bundles.
 */
class TemplateTextTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Letters of any script; digits, punctuation and symbols alone are not text to translate. */
    static final Pattern WORDS = Pattern.compile("[\\p{IsHan}\\p{IsLatin}]");
    static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt", "label", "value");
    static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : templates()) {
            Document doc = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element e : doc.getAllElements()) {
                boolean replaced = e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace")
                        || e.hasAttr("th:errors")
                        || e.hasAttr("th:insert") || e.hasAttr("th:block") || e.tagName().equals("script")
                        || e.tagName().equals("style")
                        || insideReplacedOrTemplate(e);
                if (!replaced) {
                    for (TextNode t : e.textNodes()) {
                        if (WORDS.matcher(t.text()).find() && !isBrand(t.text())) {
                            offences.add(template + ": <" + e.tagName() + "> \"" + t.text().strip() + "\"");
                        }
                    }
                }
                for (String attr : TEXT_ATTRIBUTES) {
                    if (e.hasAttr(attr) && WORDS.matcher(e.attr(attr)).find() && !attr.equals("value")
                            && !e.hasAttr("th:" + attr) && !e.attr("th:attr").contains(attr + "=")) {
                        offences.add(template + ": " + attr + "=\"" + e.attr(attr) + "\"");
                    }
                }
            }
        }
        assertThat(offences).as("text not taken from the message bundles").isEmpty();
    }

    @Test
    void everyMessageKeyInTheTemplatesExistsInBothLanguages() throws IOException {
        Properties zh = new Properties();
        Properties en = new Properties();
        for (String bundle : bundles()) {
            load(zh, bundle + ".properties");
            load(en, bundle + "_en.properties");
        }
        Set<String> missing = new HashSet<>();
        for (Path template : templates()) {
            Matcher m = KEY.matcher(Files.readString(template));
            while (m.find()) {
                String key = m.group(1);
                if (!zh.containsKey(key) || !en.containsKey(key)) {
                    missing.add(template.getFileName() + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The logo character is the brand, the same in every language. */
    private static boolean isBrand(String text) {
        return text.strip().equals("枫");
    }

    /** Text inside an element Thymeleaf replaces (th:text on an ancestor) or inside a &lt;template&gt;. */
    private static boolean insideReplacedOrTemplate(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.hasAttr("th:text") || p.hasAttr("th:utext") || p.hasAttr("th:replace")) {
                return true;
            }
        }
        return false;
    }

    static List<String> bundles() throws IOException {
        String yml = new String(new ClassPathResource("application.yml").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        String line = yml.lines().filter(l -> l.strip().startsWith("basename:")).findFirst().orElseThrow();
        return java.util.Arrays.stream(line.substring(line.indexOf(':') + 1).split(",")).map(String::strip)
                .filter(b -> new ClassPathResource(b + ".properties").exists()).toList();
    }

    private static void load(Properties into, String name) throws IOException {
        try (var in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            into.load(in);
        }
    }
}
