package org.fengqiao.citizens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import org.fengqiao.support.Cases;
import org.fengqiao.support.IntegrationTest;

/**
 * A WebP photo — the third type the report form takes — is recognised by its content (TwelveMonkeys' WebP reader),
 * decoded, and stored re-encoded as JPEG from its pixels alone: its EXIF chunk with the GPS position and its XMP
 * chunk are gone. The WebP is made here, byte by byte: a lossless (VP8L) image of one colour inside an extended
 * (VP8X) RIFF container that announces EXIF and XMP, as a phone's camera would write them.
 */
@IntegrationTest
class WebpPhotoTest {

    private static final Pattern CODE = Pattern.compile("id=\"tracking-code\">([^<]+)<");
    private static final int WIDTH = 40;
    private static final int HEIGHT = 30;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicLimits limits;

    @Test
    void theWebpWeMakeIsAWebpWithItsMetadataThatTheReaderDecodes() throws Exception {
        byte[] webp = webpWithExifAndXmp(0x2E, 0x7D, 0x32);
        String raw = new String(webp, StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("RIFF").contains("WEBPVP8X").contains("VP8L").contains("EXIF").contains("GPSLatitude")
                .contains("XMP ").contains("exif:GPSLongitude");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(webp));
        assertThat(read).as("a WebP reader is on the class path").isNotNull();
        assertThat(read.getWidth()).isEqualTo(WIDTH);
        assertThat(read.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0x2E7D32);
    }

    @Test
    void aWebpPhotoIsAcceptedAndStoredAsJpegWithoutItsExifGpsOrXmp() throws Exception {
        limits.reset();
        byte[] webp = webpWithExifAndXmp(0x2E, 0x7D, 0x32);
        String html = mvc.perform(multipart("/public/report")
                        .file(new MockMultipartFile("photos", "IMG_0002.webp", "image/webp", webp))
                        .param("matter", "NEIGHBOUR").param("title", "路口积水").param("description", "下雨后路口积水很深，行人无法通过。")
                        .param("regionCode", Cases.FENGYUAN).param("consent", "true").with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("198.51.100.251");
                            return r;
                        }))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher code = CODE.matcher(html);
        assertThat(code.find()).as(html).isTrue();
        long id = jdbc.sql("select id from cases where tracking_code = ?").param(code.group(1)).query(Long.class).single();

        List<byte[]> stored = jdbc.sql("select content from case_attachment where case_id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).list();
        assertThat(stored).hasSize(1);
        String bytes = new String(stored.getFirst(), StandardCharsets.ISO_8859_1);
        assertThat(stored.getFirst()[0] & 0xFF).as("JPEG's SOI").isEqualTo(0xFF);
        assertThat(stored.getFirst()[1] & 0xFF).isEqualTo(0xD8);
        assertThat(bytes).doesNotContain("Exif").doesNotContain("EXIF").doesNotContain("GPSLatitude")
                .doesNotContain("XMP").doesNotContain("exif:GPSLongitude").doesNotContain("RIFF");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored.getFirst()));
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        int rgb = image.getRGB(WIDTH / 2, HEIGHT / 2);
        assertThat((rgb >> 8) & 0xFF).as("the pixels survive (green)").isBetween(0x70, 0x8A);
    }

    /**
     * A WIDTH × HEIGHT lossless WebP of one colour: VP8L with no transform, no colour cache, no meta prefix codes,
     * and five "simple" prefix codes of one symbol each (green, red, blue, alpha, distance), so every pixel takes
     * no bits at all; inside a VP8X container whose flags announce the EXIF and XMP chunks that follow.
     */
    static byte[] webpWithExifAndXmp(int red, int green, int blue) throws Exception {
        Bits bits = new Bits();
        bits.write(0x2F, 8); // VP8L signature
        bits.write(WIDTH - 1, 14);
        bits.write(HEIGHT - 1, 14);
        bits.write(0, 1); // alpha not used
        bits.write(0, 3); // version
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes
        for (int symbol : new int[] {green, red, blue, 255, 0}) {
            bits.write(1, 1); // simple code
            bits.write(0, 1); // one symbol
            bits.write(1, 1); // of eight bits
            bits.write(symbol, 8);
        }
        byte[] vp8l = bits.bytes();

        ByteArrayOutputStream vp8x = new ByteArrayOutputStream();
        vp8x.write(0x08 | 0x04); // EXIF and XMP present
        vp8x.write(new byte[3]);
        le24(vp8x, WIDTH - 1);
        le24(vp8x, HEIGHT - 1);

        byte[] exif = "MM\0*\0\0\0\bGPSLatitude 29.7129 N GPSLongitude 120.2431 E".getBytes(StandardCharsets.ISO_8859_1);
        byte[] xmp = ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLongitude=\"120,14.586E\"/>"
                + "</rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8);

        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.write("WEBP".getBytes(StandardCharsets.US_ASCII));
        chunk(chunks, "VP8X", vp8x.toByteArray());
        chunk(chunks, "VP8L", vp8l);
        chunk(chunks, "EXIF", exif);
        chunk(chunks, "XMP ", xmp);
        ByteArrayOutputStream riff = new ByteArrayOutputStream();
        riff.write("RIFF".getBytes(StandardCharsets.US_ASCII));
        le32(riff, chunks.size());
        chunks.writeTo(riff);
        return riff.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String fourCc, byte[] data) throws Exception {
        out.write(fourCc.getBytes(StandardCharsets.US_ASCII));
        le32(out, data.length);
        out.write(data);
        if (data.length % 2 == 1) {
            out.write(0); // chunks are padded to an even size
        }
    }

    private static void le24(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
        out.write((v >> 16) & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        le24(out, v);
        out.write((v >> 24) & 0xFF);
    }

    /** VP8L's bit order: each value least significant bit first, bytes filled from their lowest bit. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] bytes() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
