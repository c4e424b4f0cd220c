package org.fengqiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.support.IntegrationTest;

/**
 * A first visit on a phone network: pages, scripts and styles travel gzip-compressed, and every script and style
 * sheet a page links (ours and the WebJars') has its content's fingerprint in its URL and may be kept by the
 * browser for a year.
 */
@IntegrationTest
class StaticAssetsDeliveryTest {

    static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/(?:assets|webjars)/[^\"]+)\"");
    static final Pattern FINGERPRINT = Pattern.compile("-[0-9a-f]{32}\\.(?:js|css|svg)$");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void pagesAndTheChartLibraryAreCompressed() throws Exception {
        HttpResponse<byte[]> page = get("/login", true);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");

        HttpResponse<byte[]> plain = get("/webjars/echarts/echarts.min.js", false);
        HttpResponse<byte[]> zipped = get("/webjars/echarts/echarts.min.js", true);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.body().length).as("compressed chart library").isLessThan(plain.body().length / 2);
    }

    @Test
    void linkedScriptsAndStylesAreFingerprintedAndKeptForAYear() throws Exception {
        String html = new String(get("/login", false).body(), java.nio.charset.StandardCharsets.UTF_8);
        List<String> linked = new ArrayList<>();
        Matcher m = LINKED.matcher(html);
        while (m.find()) {
            linked.add(m.group(1));
        }
        assertThat(linked).isNotEmpty().anySatisfy(u -> assertThat(u).startsWith("/webjars/bootstrap/"))
                .anySatisfy(u -> assertThat(u).startsWith("/assets/css/fengqiao"));
        for (String url : linked) {
            assertThat(url).as("fingerprinted").containsPattern(FINGERPRINT);
            HttpResponse<byte[]> asset = get(url, true);
            assertThat(asset.statusCode()).as(url).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control").orElse("")).as(url).contains("max-age=31536000");
        }
    }
}
