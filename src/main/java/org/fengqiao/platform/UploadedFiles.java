package org.fengqiao.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.Tika;

/**
 * What an uploaded file really is, and a name for it that is safe to store and show. Tika detects the type from
 * the content; for Office files, whose container (a ZIP, an OLE2 compound file) says nothing of what is inside,
 * POI opens the container and the file is taken as a Word, Excel or PowerPoint document only when it has that
 * document's main part — a ZIP holding an {@code .exe} and named {@code .docx} is a ZIP, not a document.
 */
public final class UploadedFiles {

    /** What is left when an upload gives no usable name. */
    public static final String FALLBACK_NAME = "attachment";
    /** The type of a file whose container is not the document its name or magic claims. */
    public static final String NOT_A_DOCUMENT = "application/octet-stream";

    private static final Tika TIKA = new Tika();
    private static final Map<String, String> OOXML_MAIN_PARTS = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    private UploadedFiles() {
    }

    /**
     * The type of the content, checked: Office containers are opened and must hold the document they claim to
     * be; anything else is {@link #NOT_A_DOCUMENT}.
     */
    public static String detect(byte[] content, String filename) {
        String type = TIKA.detect(content, filename);
        FileMagic magic = FileMagic.valueOf(content);
        if (magic == FileMagic.OOXML || type.contains("openxmlformats") || type.equals("application/x-tika-ooxml")) {
            return ooxmlType(content);
        }
        if (magic == FileMagic.OLE2 || type.equals("application/msword") || type.equals("application/vnd.ms-excel")
                || type.equals("application/x-tika-msoffice")) {
            return ole2Type(content);
        }
        return type;
    }

    private static String ooxmlType(byte[] content) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            var main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
            if (main.size() != 1) {
                return NOT_A_DOCUMENT;
            }
            PackagePart part = pkg.getPart(main.getRelationship(0));
            String type = part == null ? null : OOXML_MAIN_PARTS.get(part.getContentType());
            return type == null ? NOT_A_DOCUMENT : type;
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            return NOT_A_DOCUMENT;
        }
    }

    private static String ole2Type(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            var root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return "application/msword";
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return "application/vnd.ms-excel";
            }
            return NOT_A_DOCUMENT;
        } catch (IOException | RuntimeException e) {
            return NOT_A_DOCUMENT;
        }
    }

    /**
     * A name safe to store, show and offer for download: the last path segment only, in NFC, without control,
     * bidirectional-override or invisible formatting characters (U+202E would show {@code exe.txt} for
     * {@code txt.exe}), without characters file systems forbid, without leading or trailing dots and spaces
     * ({@code .}, {@code ..}), at most 200 characters; {@value #FALLBACK_NAME} when nothing is left.
     */
    public static String cleanName(String name) {
        String n = name == null ? "" : Normalizer.normalize(name.replace('\\', '/'), Normalizer.Form.NFC);
        n = n.substring(n.lastIndexOf('/') + 1);
        StringBuilder clean = new StringBuilder();
        n.codePoints().forEach(cp -> {
            if (isInvisible(cp)) {
                return;
            }
            clean.appendCodePoint("<>:\"|?*".indexOf(cp) >= 0 ? '_' : cp);
        });
        String result = clean.toString().replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (result.isEmpty() || !TextHygiene.isClean(result)) {
            return FALLBACK_NAME;
        }
        if (result.length() > 200) {
            result = result.substring(result.length() - 200);
        }
        return result;
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || cp == 0x2028 || cp == 0x2029;
    }
}
