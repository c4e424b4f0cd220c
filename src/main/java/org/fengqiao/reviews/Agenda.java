package org.fengqiao.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.fengqiao.analytics.Measure;
import org.fengqiao.screening.Screening;

/**
 * A centre's agenda for one meeting, generated from the data of its period (since its last meeting): one named
 * section per kind of item, each case item carrying its case's id and tracking code.
 */
public record Agenda(Centre centre, ReviewCadences.Frequency frequency, LocalDate meetingDate, LocalTime meetingTime,
                     Instant from, Instant to, Long lastMeetingId, Section newMatters, Section overdue,
                     Section highRisk, Section repeated, Section groupMatters, Section dissatisfied, Section escalated,
                     List<HotTopic> hotTopics, Instant hotTopicsAsOf, ScreeningSection screening, Trends trends, List<FollowUp> followUps) {

    /** The names of the case sections, in agenda order (also the {@code section} of a decision). */
    public static final List<String> CASE_SECTIONS = List.of("newMatters", "overdue", "highRisk", "repeated",
            "groupMatters", "dissatisfied", "escalated");

    public record Centre(long id, String name, String regionCode, String regionName) {
    }

    /** Up to {@link Agendas#ITEMS_PER_SECTION} items of a section, and how many there are in all. */
    public record Section(String name, long total, List<Item> items) {
    }

    /** One case on the agenda, with why it is there. */
    public record Item(long caseId, String trackingCode, String title, String status, String riskLevel,
                       String regionName, Instant registeredAt, int peopleInvolved, String why) {
    }

    public record HotTopic(int rank, String name, int size, int previous, int growth, List<CaseRef> cases) {
    }

    public record CaseRef(long caseId, String trackingCode, String title) {
    }

    public record ScreeningSection(LocalDate periodStart, LocalDate periodEnd, List<Screening.VillageStatus> villages,
                                   List<Screening.VillageStatus> missing, List<ScreenedItem> items) {
    }

    public record ScreenedItem(long itemId, String place, String title, int peopleInvolved, Long caseId,
                               String trackingCode) {
    }

    /** The period's measures beside the previous period and the same period a year before. */
    public record Trends(Period current, Period previous, Period lastYear, List<TrendRow> measures) {
    }

    public record Period(LocalDate from, LocalDate to) {
    }

    public record TrendRow(String name, String label, Measure current, Measure previous, Measure lastYear) {
    }

    /** An open follow-up task carried onto this agenda from an earlier meeting. */
    public record FollowUp(long id, long meetingId, LocalDate meetingDate, String task, String owner, LocalDate dueOn,
                           boolean overdue, Long caseId, String trackingCode) {
    }

    /** The case sections in agenda order. */
    public List<Section> caseSections() {
        return List.of(newMatters, overdue, highRisk, repeated, groupMatters, dissatisfied, escalated);
    }
}
