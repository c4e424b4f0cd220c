package org.fengqiao.reviews.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.reviews.Agenda;
import org.fengqiao.reviews.Agendas;
import org.fengqiao.reviews.MonthlyReport;
import org.fengqiao.reviews.ReviewDocuments;
import org.fengqiao.reviews.ReviewMeetings;

/**
 * The review files as downloads, the same from the pages ({@code /reviews/...}) and the API
 * ({@code /api/reviews/...}): a meeting's minutes (.docx), an agenda as a ledger (.xlsx), the monthly report (.docx),
 * each within the caller's jurisdiction.
 */
@Component
class ReviewFiles {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Agendas agendas;
    private final ReviewMeetings meetings;
    private final ReviewDocuments documents;
    private final MonthlyReport report;

    ReviewFiles(Agendas agendas, ReviewMeetings meetings, ReviewDocuments documents, MonthlyReport report) {
        this.agendas = agendas;
        this.meetings = meetings;
        this.documents = documents;
        this.report = report;
    }

    ResponseEntity<byte[]> minutes(Actor actor, long meeting, Locale locale) {
        return file(documents.minutes(meetings.get(actor, meeting), locale), DOCX, "minutes-" + meeting + ".docx");
    }

    /** The agenda of a centre's meeting (default: the caller's centre, its next meeting). */
    ResponseEntity<byte[]> agendaLedger(Actor actor, Long centre, LocalDate date, Locale locale) {
        Agenda a = agendas.agenda(actor, centre, date);
        return file(documents.agendaLedger(a, locale), XLSX, "agenda-" + a.meetingDate() + ".xlsx");
    }

    /** The monthly review report of a county centre (default: the caller's, last month). */
    ResponseEntity<byte[]> monthlyReport(Actor actor, Long centre, YearMonth month, Locale locale) {
        return file(report.report(actor, centre, month, locale), DOCX, "monthly-review.docx");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(body);
    }
}
