package org.fengqiao.reviews;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Service;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.AnalyticsFilter;
import org.fengqiao.analytics.Measure;
import org.fengqiao.analytics.Measures;
import org.fengqiao.analytics.Summary;
import org.fengqiao.intelligence.topics.AgendaPeriod;
import org.fengqiao.organisation.Unit;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;

/**
 * The county's monthly review report (月度研判报告) in Word, ready to print: the month's measures with their
 * definitions, charts drawn with JFreeChart as PNG images (intake by day, by dispute type, by category), the top
 * issues, hot topics, the state of the agenda of the meeting that reviews the month, and the trends against the
 * previous month and the same month a year before.
 */
@Service
public class MonthlyReport {

    private static final String[] CJK_FONTS = {"Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei",
            "SimSun", "SansSerif"};

    private final Agendas agendas;
    private final ReviewCadences cadences;
    private final Measures measures;
    private final AgendaHotTopics hotTopics;
    private final ReviewDocuments documents;
    private final java.time.Clock clock;
    private final StandardChartTheme theme;

    MonthlyReport(Agendas agendas, ReviewCadences cadences, Measures measures, AgendaHotTopics hotTopics,
                  ReviewDocuments documents, java.time.Clock clock) {
        this.agendas = agendas;
        this.cadences = cadences;
        this.measures = measures;
        this.hotTopics = hotTopics;
        this.documents = documents;
        this.clock = clock;
        String[] available = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        String family = Arrays.stream(CJK_FONTS).filter(f -> Arrays.asList(available).contains(f)).findFirst()
                .orElse("SansSerif");
        this.theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(family, Font.BOLD, 18));
        theme.setLargeFont(new Font(family, Font.BOLD, 14));
        theme.setRegularFont(new Font(family, Font.PLAIN, 12));
        theme.setSmallFont(new Font(family, Font.PLAIN, 10));
    }

    /** The report of a month (default: the last full month) for a county centre the caller reaches. */
    public byte[] report(Actor actor, Long centreId, YearMonth month, Locale l) {
        Unit centre = agendas.centre(actor, centreId);
        YearMonth thisMonth = YearMonth.from(ChinaTime.dateOf(clock.instant()));
        YearMonth m = month == null ? thisMonth.minusMonths(1) : month;
        if (m.isAfter(thisMonth) || m.isBefore(thisMonth.minusYears(3))) {
            throw new ProblemException.InvalidInput("month", "reviews.badMonth");
        }
        String region = centre.regionCode().value();
        Summary now = summary(actor, region, m.atDay(1), m.atEndOfMonth());
        Summary before = summary(actor, region, m.minusMonths(1).atDay(1), m.minusMonths(1).atEndOfMonth());
        Summary yearAgo = summary(actor, region, m.minusYears(1).atDay(1), m.minusYears(1).atEndOfMonth());
        // the agenda of the meeting that reviews the month (the county's on the 5th of the next, by default): the
        // report is printed for it, shows what its agenda shows, and reads what opening that agenda computed
        Agenda agenda = agendas.agenda(actor, centre.id(), meetingAfter(centre, m));
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ReviewDocuments.heading(doc, text(l, "reviews.report.title", centre.name(), String.valueOf(m.getYear()),
                    m.getMonthValue()),
                    18);
            ReviewDocuments.paragraph(doc, text(l, "reviews.report.scope", m.atDay(1).toString(),
                    m.atEndOfMonth().toString()));
            ReviewDocuments.heading(doc, text(l, "reviews.report.measures"), 14);
            XWPFTable table = doc.createTable(now.measures().size() + 1, 3);
            table.getRow(0).getCell(0).setText(text(l, "reviews.trends.measure"));
            table.getRow(0).getCell(1).setText(text(l, "reviews.trends.current"));
            table.getRow(0).getCell(2).setText(text(l, "reviews.report.definition"));
            for (int i = 0; i < now.measures().size(); i++) {
                Measure ms = now.measures().get(i);
                table.getRow(i + 1).getCell(0).setText(ms.label());
                table.getRow(i + 1).getCell(1).setText(ms.display());
                table.getRow(i + 1).getCell(2).setText(ms.definition().numerator()
                        + (ms.definition().denominator() == null ? "" : " ÷ " + ms.definition().denominator()));
            }
            ReviewDocuments.heading(doc, text(l, "reviews.report.charts"), 14);
            picture(doc, intakeChart(now, l), "intake.png");
            picture(doc, barChart(text(l, "reviews.report.byDisputeType"), now.byDisputeType()), "dispute-types.png");
            picture(doc, barChart(text(l, "reviews.report.byCategory"), now.byCategory()), "categories.png");
            ReviewDocuments.heading(doc, text(l, "reviews.report.topIssues"), 14);
            now.byDisputeType().stream().sorted(Comparator.comparingLong(Summary.Slice::registered).reversed()).limit(5)
                    .forEach(s -> ReviewDocuments.paragraph(doc, text(l, "reviews.report.issue", s.label(),
                            s.registered(), s.closed(), s.resolved())));
            ReviewDocuments.heading(doc, text(l, "reviews.section.hotTopics"), 14);
            var topics = hotTopics.board(actor, AgendaPeriod.MONTH).list().top(10).topics();
            if (topics.isEmpty()) {
                ReviewDocuments.paragraph(doc, text(l, "reviews.report.noTopics"));
            }
            topics.forEach(t -> ReviewDocuments.paragraph(doc, text(l, "reviews.report.topic", t.rank(), t.name(),
                    t.size(), t.previous())));
            ReviewDocuments.heading(doc, text(l, "reviews.report.agenda"), 14);
            for (Agenda.Section s : agenda.caseSections()) {
                ReviewDocuments.paragraph(doc, text(l, "reviews.section." + s.name()) + "：" + s.total());
            }
            ReviewDocuments.paragraph(doc, text(l, "reviews.report.screening", agenda.screening().villages().size(),
                    agenda.screening().missing().size()));
            ReviewDocuments.heading(doc, text(l, "reviews.section.trends"), 14);
            XWPFTable trends = doc.createTable(Agendas.TREND_MEASURES.size() + 1, 4);
            String[] head = {"measure", "current", "previous", "lastYear"};
            for (int c = 0; c < head.length; c++) {
                trends.getRow(0).getCell(c).setText(text(l, "reviews.trends." + head[c]));
            }
            for (int i = 0; i < Agendas.TREND_MEASURES.size(); i++) {
                String name = Agendas.TREND_MEASURES.get(i);
                trends.getRow(i + 1).getCell(0).setText(now.measure(name).label());
                trends.getRow(i + 1).getCell(1).setText(now.measure(name).display());
                trends.getRow(i + 1).getCell(2).setText(before.measure(name).display());
                trends.getRow(i + 1).getCell(3).setText(yearAgo.measure(name).display());
            }
            ReviewDocuments.paragraph(doc, "");
            ReviewDocuments.paragraph(doc, text(l, "reviews.report.asOf", now.asOf().atZone(ChinaTime.ZONE)
                    .toLocalDateTime().withNano(0).toString()));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("the monthly report could not be written", e);
        }
    }

    /** The centre's first meeting after the month. */
    LocalDate meetingAfter(Unit centre, YearMonth m) {
        return cadences.of(centre).nextOnOrAfter(m.plusMonths(1).atDay(1));
    }

    private Summary summary(Actor actor, String region, LocalDate from, LocalDate to) {
        return measures.summary(actor, new AnalyticsFilter(from, to, region, null, null, null));
    }

    private byte[] intakeChart(Summary s, Locale l) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<LocalDate> buckets = s.trend().buckets();
        for (int i = 0; i < buckets.size(); i++) {
            long total = 0;
            for (Summary.Series series : s.trend().series()) {
                total += series.counts().get(i);
            }
            data.addValue(total, text(l, "reviews.report.intake"), buckets.get(i).toString().substring(5));
        }
        JFreeChart chart = ChartFactory.createLineChart(text(l, "reviews.report.intakeByDay"), null, null, data,
                PlotOrientation.VERTICAL, false, false, false);
        return png(chart);
    }

    private byte[] barChart(String title, List<Summary.Slice> slices) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        slices.stream().sorted(Comparator.comparingLong(Summary.Slice::registered).reversed()).limit(10)
                .forEach(sl -> data.addValue(sl.registered(), "n", sl.label()));
        JFreeChart chart = ChartFactory.createBarChart(title, null, null, data, PlotOrientation.HORIZONTAL, false,
                false, false);
        return png(chart);
    }

    private byte[] png(JFreeChart chart) {
        theme.apply(chart);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, 800, 400);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void picture(XWPFDocument doc, byte[] png, String name)
            throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, name,
                Units.toEMU(480), Units.toEMU(240));
    }

    private String text(Locale l, String key, Object... args) {
        return documents.text(l, key, args);
    }
}
