package org.fengqiao.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.fengqiao.platform.ProblemException;

/**
 * The openly licensed CJK TrueType font embedded in case files. PDFBox embeds (and subsets) TrueType outlines
 * only, so the OpenType/CFF Noto Sans CJK that Debian's {@code fonts-noto-cjk} installs cannot serve; the default
 * is WenQuanYi Zen Hei ({@code fonts-wqy-zenhei}, GPL with the font-embedding exception). The path is
 * {@code fengqiao.documents.font} (a .ttf, or a .ttc with its first TrueType face), else the system's font
 * directories are searched for the known files. Nothing is ever downloaded.
 */
@Component
class CaseFileFont {

    /** Known openly licensed CJK TrueType fonts, in order of preference. */
    static final List<String> KNOWN = List.of("wqy-zenhei.ttc", "wqy-microhei.ttc", "DroidSansFallbackFull.ttf",
            "DroidSansFallback.ttf", "uming.ttc", "ukai.ttc");

    static final List<String> DIRECTORIES = List.of("/usr/share/fonts", "/usr/local/share/fonts",
            System.getProperty("user.home") + "/.local/share/fonts", System.getProperty("user.home") + "/.fonts");

    private final String configured;
    private volatile Path found;

    CaseFileFont(@Value("${fengqiao.documents.font:}") String configured) {
        this.configured = configured;
    }

    /** The font file, or a 503 saying which package to install or which property to set. */
    Path path() {
        Path p = found;
        if (p == null) {
            p = locate().orElseThrow(FontMissing::new);
            found = p;
        }
        return p;
    }

    Optional<Path> locate() {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured.strip());
            return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
        }
        for (String name : KNOWN) {
            for (String dir : DIRECTORIES) {
                Optional<Path> hit = find(Path.of(dir), name);
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> find(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(dir, 4)) {
            return files.filter(f -> f.getFileName().toString().equals(name) && Files.isReadable(f)).findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens the font's first TrueType (glyf) face; the caller closes the returned collection after the document
     * is saved (subsetting reads from it).
     */
    static Opened open(Path path) throws IOException {
        if (path.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(path.toFile());
            List<TrueTypeFont> faces = new ArrayList<>();
            ttc.processAllFonts(f -> {
                if (!(f instanceof OpenTypeFont o && o.isPostScript())) {
                    faces.add(f);
                }
            });
            if (faces.isEmpty()) {
                ttc.close();
                throw new FontMissing();
            }
            return new Opened(faces.getFirst(), ttc);
        }
        TrueTypeFont font = new org.apache.fontbox.ttf.TTFParser().parse(
                new org.apache.pdfbox.io.RandomAccessReadBufferedFile(path.toFile()));
        if (font instanceof OpenTypeFont o && o.isPostScript()) {
            font.close();
            throw new FontMissing();
        }
        return new Opened(font, font);
    }

    record Opened(TrueTypeFont font, java.io.Closeable owner) implements java.io.Closeable {
        @Override
        public void close() throws IOException {
            owner.close();
        }
    }

    /** No usable CJK TrueType font: install {@code fonts-wqy-zenhei} or set {@code fengqiao.documents.font}. */
    static final class FontMissing extends ProblemException {
        FontMissing() {
            super("casefile.fontMissing");
        }

        @Override
        public int status() {
            return 503;
        }
    }
}
