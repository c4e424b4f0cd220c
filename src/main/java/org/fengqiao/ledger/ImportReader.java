package org.fengqiao.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import org.fengqiao.platform.ProblemException;

/**
 * Reads the first sheet of an .xlsx as rows of text, streaming (SAX), so a large or hostile file cannot fill
 * the memory. The content decides what a file is, never its name: an old .xls, a Word document or anything
 * else is refused with a message saying so. Dates come out as {@code yyyy-MM-dd HH:mm:ss}, numbers without
 * grouping or exponent (a 12-digit region code typed as a number stays whole).
 */
final class ImportReader {

    /** A non-empty row: its number as Excel shows it (1-based) and its cells by column index. */
    record SheetRow(int number, Map<Integer, String> cells) {
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ImportReader() {
    }

    /**
     * The non-empty rows of the first sheet.
     *
     * @param maxRows refuse files with more non-empty rows than this
     * @throws ProblemException.InvalidInput naming the file when it is not a readable .xlsx or too long
     */
    static List<SheetRow> read(byte[] content, int maxRows) {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new ProblemException.InvalidInput("file", "ledger.import.notXlsx");
        }
        if (magic == FileMagic.OLE2) {
            throw new ProblemException.InvalidInput("file", "ledger.import.oldExcel");
        }
        if (magic != FileMagic.OOXML) {
            throw new ProblemException.InvalidInput("file", "ledger.import.notXlsx");
        }
        checkPackage(content);
        List<SheetRow> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            if (pkg.getPartsByContentType(XSSFRelation.WORKBOOK.getContentType()).isEmpty()) {
                throw new ProblemException.InvalidInput("file", "ledger.import.notXlsx");
            }
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ProblemException.InvalidInput("file", "ledger.import.empty");
            }
            XSSFSheetXMLHandler.SheetContentsHandler collector = new Collector(rows, maxRows);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(pkg), collector, new Plain(), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (TooManyRows e) {
            throw new ProblemException.InvalidInput("file", "ledger.import.tooManyRows", Integer.toString(maxRows));
        } catch (ProblemException e) {
            throw e;
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new ProblemException.InvalidInput("file", "ledger.import.notXlsx");
        } catch (Exception | StackOverflowError e) {
            // a broken zip, a package that is not a workbook, malformed XML, a zip bomb refused by POI …
            throw new ProblemException.InvalidInput("file", "ledger.import.unreadable");
        }
        return rows;
    }

    /**
     * A zip is an .xlsx only when it holds a workbook: anything else (a .docx, a zip of CSV files) is refused as
     * not a workbook, a zip that cannot be read through as damaged.
     */
    private static void checkPackage(byte[] content) {
        boolean contentTypes = false;
        boolean workbook = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                contentTypes |= e.getName().equals("[Content_Types].xml");
                workbook |= e.getName().equals("xl/workbook.xml");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ProblemException.InvalidInput("file", "ledger.import.unreadable");
        }
        if (!contentTypes || !workbook) {
            throw new ProblemException.InvalidInput("file", "ledger.import.notXlsx");
        }
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<SheetRow> rows;
        private final int maxRows;
        private Map<Integer, String> current;

        Collector(List<SheetRow> rows, int maxRows) {
            this.rows = rows;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            current = new TreeMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (!current.isEmpty()) {
                // header rows and a title above them may come on top of the data rows
                if (rows.size() >= maxRows + 10) {
                    throw new TooManyRows();
                }
                rows.add(new SheetRow(rowNum + 1, current));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (reference == null || value == null) {
                return;
            }
            String v = value.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
            if (v.matches("-?\\d+(\\.\\d+)?[Ee][+-]?\\d+")) {
                v = plain(Double.parseDouble(v));
            }
            if (!v.isEmpty()) {
                current.put((int) new CellReference(reference).getCol(), v);
            }
        }
    }

    /** Dates as ISO text, numbers as plain digits — whatever the cell's display format. */
    private static final class Plain extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                                            boolean use1904Windowing) {
            if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString)
                    && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                return ISO.format(t);
            }
            return plain(value);
        }
    }

    static String plain(double value) {
        BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
