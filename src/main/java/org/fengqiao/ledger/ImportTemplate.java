package org.fengqiao.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.Channel;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.categories.DisputeType;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * The import template: a data sheet with the headers (required ones marked *), an example row the import
 * skips and drop-down lists for the coded columns; a sheet explaining every column and its allowed values; and
 * the request categories with their codes.
 */
@Component
public class ImportTemplate {

    private final MessageSource messages;
    private final Categories categories;
    private final Regions regions;
    private final LedgerProperties properties;

    ImportTemplate(MessageSource messages, Categories categories, Regions regions, LedgerProperties properties) {
        this.messages = messages;
        this.categories = categories;
        this.regions = regions;
        this.properties = properties;
    }

    /** The file name offered for download. */
    public String fileName() {
        return text("ledger.template.fileName") + ".xlsx";
    }

    /** The template in the user's language, with an example in the actor's own area. */
    public byte[] write(Actor actor) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle textFormat = wb.createCellStyle();
            textFormat.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle timeFormat = wb.createCellStyle();
            timeFormat.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            Font grey = wb.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            CellStyle example = wb.createCellStyle();
            example.setFont(grey);
            example.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle exampleTime = wb.createCellStyle();
            exampleTime.setFont(grey);
            exampleTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

            Sheet data = wb.createSheet(text("ledger.template.sheet.data"));
            Row head = data.createRow(0);
            Row sample = data.createRow(1);
            for (ImportColumn c : ImportColumn.values()) {
                int i = c.ordinal();
                Cell h = head.createCell(i);
                h.setCellValue(text(c.key()) + (c.required ? "*" : ""));
                h.setCellStyle(header);
                data.setColumnWidth(i, c.width * 256);
                if (c.text) {
                    data.setDefaultColumnStyle(i, textFormat);
                } else if (c == ImportColumn.REGISTERED_AT) {
                    data.setDefaultColumnStyle(i, timeFormat);
                }
                Cell e = sample.createCell(i);
                if (c == ImportColumn.REGISTERED_AT) {
                    e.setCellValue(LocalDateTime.of(2026, 11, 2, 9, 30));
                    e.setCellStyle(exampleTime);
                } else {
                    e.setCellValue(exampleValue(c, actor));
                    e.setCellStyle(example);
                }
            }
            data.createFreezePane(0, 1);
            listValidation(data, ImportColumn.CHANNEL,
                    Arrays.stream(Channel.values()).map(v -> text("channel." + v)).toList());
            listValidation(data, ImportColumn.KIND, Arrays.stream(CaseKind.values()).map(v -> text("kind." + v)).toList());
            listValidation(data, ImportColumn.DISPUTE_TYPE, disputeNames());
            listValidation(data, ImportColumn.URGENT, List.of(text("ledger.yes"), text("ledger.no")));

            Sheet help = wb.createSheet(text("ledger.template.sheet.help"));
            int r = 0;
            for (int n = 1; n <= 6; n++) {
                Row note = help.createRow(r++);
                note.createCell(0).setCellValue(text("ledger.template.note." + n,
                        Integer.toString(properties.maxImportRows()), Long.toString(properties.maxImportSize().toMegabytes()),
                        text("ledger.template.exampleMarker")));
            }
            r++;
            Row helpHead = help.createRow(r++);
            String[] titles = {"ledger.template.help.column", "ledger.template.help.required",
                    "ledger.template.help.meaning", "ledger.template.help.values"};
            for (int i = 0; i < titles.length; i++) {
                Cell cell = helpHead.createCell(i);
                cell.setCellValue(text(titles[i]));
                cell.setCellStyle(header);
            }
            for (ImportColumn c : ImportColumn.values()) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(text(c.key()));
                row.createCell(1).setCellValue(text(c.required ? "ledger.yes" : "ledger.no"));
                Cell meaning = row.createCell(2);
                meaning.setCellValue(text(c.helpKey()));
                meaning.setCellStyle(wrap);
                Cell values = row.createCell(3);
                values.setCellValue(allowedValues(c));
                values.setCellStyle(wrap);
            }
            help.setColumnWidth(0, 16 * 256);
            help.setColumnWidth(1, 10 * 256);
            help.setColumnWidth(2, 60 * 256);
            help.setColumnWidth(3, 60 * 256);

            Sheet tree = wb.createSheet(text("ledger.template.sheet.categories"));
            Row treeHead = tree.createRow(0);
            Cell codeHead = treeHead.createCell(0);
            codeHead.setCellValue(text("ledger.template.categories.code"));
            codeHead.setCellStyle(header);
            Cell pathHead = treeHead.createCell(1);
            pathHead.setCellValue(text("ledger.template.categories.path"));
            pathHead.setCellStyle(header);
            int t = 1;
            for (Category c : categories.list()) {
                if (c.active() && c.level() == 3) {
                    Row row = tree.createRow(t++);
                    row.createCell(0).setCellValue(c.code());
                    row.createCell(1).setCellValue(c.path());
                }
            }
            tree.setColumnWidth(0, 12 * 256);
            tree.setColumnWidth(1, 70 * 256);
            tree.createFreezePane(0, 1);

            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String exampleValue(ImportColumn c, Actor actor) {
        return switch (c) {
            case SOURCE_REF -> text("ledger.template.exampleMarker");
            case CHANNEL -> text("channel." + Channel.HOTLINE_12345);
            case KIND -> text("kind." + CaseKind.DISPUTE);
            case CATEGORY -> "";
            case DISPUTE_TYPE -> categories.disputeTypes().stream().findFirst()
                    .map(d -> d.name(LocaleContextHolder.getLocale())).orElse("");
            case REGION_CODE -> exampleRegion(actor);
            default -> text(c.exampleKey());
        };
    }

    /** A village in the actor's area, so the example is a code that exists. */
    private String exampleRegion(Actor actor) {
        DivisionCode own = actor.unit().regionCode();
        if (own.level().ordinal() >= RegionLevel.VILLAGE.ordinal()) {
            return own.truncate(RegionLevel.VILLAGE).value();
        }
        return regions.within(own, RegionLevel.VILLAGE).stream().findFirst().map(Region::code)
                .map(DivisionCode::value).orElse(own.value());
    }

    private String allowedValues(ImportColumn c) {
        Locale locale = LocaleContextHolder.getLocale();
        String sep = "zh".equals(locale.getLanguage()) ? "、" : ", ";
        return switch (c) {
            case CHANNEL -> String.join(sep, Arrays.stream(Channel.values()).map(v -> text("channel." + v)).toList());
            case KIND -> String.join(sep, Arrays.stream(CaseKind.values()).map(v -> text("kind." + v)).toList());
            case DISPUTE_TYPE -> String.join(sep, disputeNames());
            case URGENT -> text("ledger.yes") + sep + text("ledger.no");
            default -> "";
        };
    }

    private List<String> disputeNames() {
        List<String> names = new ArrayList<>();
        for (DisputeType d : categories.disputeTypes()) {
            names.add(d.name(LocaleContextHolder.getLocale()));
        }
        return names;
    }

    /** A drop-down list on the column, when the choices fit Excel's 255-character limit for inline lists. */
    private static void listValidation(Sheet sheet, ImportColumn column, List<String> values) {
        if (String.join(",", values).length() > 250 || values.stream().anyMatch(v -> v.contains(","))) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(1, 10_000, column.ordinal(), column.ordinal()));
        validation.setShowErrorBox(false);
        sheet.addValidationData(validation);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
