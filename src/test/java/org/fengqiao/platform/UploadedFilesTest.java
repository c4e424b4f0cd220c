package org.fengqiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class UploadedFilesTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static byte[] zipOf(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("MZ\u0090\u0000 not really a program".getBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aZipNamedDocxHoldingAProgramIsNotAWordDocument() throws IOException {
        assertThat(UploadedFiles.detect(zipOf("setup.exe"), "调解协议.docx")).isEqualTo(UploadedFiles.NOT_A_DOCUMENT);
        assertThat(UploadedFiles.detect(zipOf("[Content_Types].xml", "word/document.xml"), "a.docx"))
                .isEqualTo(UploadedFiles.NOT_A_DOCUMENT);
    }

    @Test
    void realWordAndExcelFilesAreRecognisedWhateverTheirName() throws IOException {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("调解协议");
            doc.write(docx);
        }
        assertThat(UploadedFiles.detect(docx.toByteArray(), "协议.docx")).isEqualTo(DOCX);
        assertThat(UploadedFiles.detect(docx.toByteArray(), "noname")).isEqualTo(DOCX);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet("台账").createRow(0).createCell(0).setCellValue("x");
            book.write(xlsx);
        }
        assertThat(UploadedFiles.detect(xlsx.toByteArray(), "台账.docx")).isEqualTo(XLSX);
    }

    @Test
    void plainFilesKeepTheirDetectedType() {
        assertThat(UploadedFiles.detect("%PDF-1.4\n%âãÏÓ\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "a.pdf"))
                .isEqualTo("application/pdf");
        assertThat(UploadedFiles.detect("纠纷经过".getBytes(java.nio.charset.StandardCharsets.UTF_8), "a.txt"))
                .isEqualTo("text/plain");
    }

    @Test
    void dotNamesAndPathsAreNotKept() {
        assertThat(UploadedFiles.cleanName(".")).isEqualTo(UploadedFiles.FALLBACK_NAME);
        assertThat(UploadedFiles.cleanName("..")).isEqualTo(UploadedFiles.FALLBACK_NAME);
        assertThat(UploadedFiles.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadedFiles.cleanName("C:\\Users\\a\\照片.jpg")).isEqualTo("照片.jpg");
        assertThat(UploadedFiles.cleanName(" .hidden.pdf. ")).isEqualTo("hidden.pdf");
        assertThat(UploadedFiles.cleanName(null)).isEqualTo(UploadedFiles.FALLBACK_NAME);
    }

    @Test
    void bidirectionalAndInvisibleCharactersAreRemoved() {
        assertThat(UploadedFiles.cleanName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(UploadedFiles.cleanName("a\u2066b\u2069\u200Bc\uFEFF.txt")).isEqualTo("abc.txt");
        assertThat(UploadedFiles.cleanName("a\u0000b\u0007.txt")).isEqualTo("ab.txt");
        assertThat(UploadedFiles.cleanName("a<b>:c?.txt")).isEqualTo("a_b__c_.txt");
        assertThat(UploadedFiles.cleanName("纠纷 材料（一）.docx")).isEqualTo("纠纷 材料（一）.docx");
    }
}
