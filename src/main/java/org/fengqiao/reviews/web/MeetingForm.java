package org.fengqiao.reviews.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The meeting record as the agenda page posts it: one decision row per agenda item, empty rows ignored. */
public class MeetingForm {

    private Long centre;
    private String heldAt;
    private String chair;
    private String attendees;
    private List<Long> invitedUnits = new ArrayList<>();
    private String summary;
    private List<DecisionRow> decisions = new ArrayList<>();

    /** One row: the item (section and case) and what was decided. */
    public static class DecisionRow {
        private String section;
        private Long caseId;
        private String action;
        private Long unitId;
        private String leader;
        private String owner;
        private LocalDate dueOn;
        private String text;

        public String getSection() { return section; }
        public void setSection(String section) { this.section = section; }
        public Long getCaseId() { return caseId; }
        public void setCaseId(Long caseId) { this.caseId = caseId; }
        public String getAction() { return action; }
        public void setAction(String action) { this.action = action; }
        public Long getUnitId() { return unitId; }
        public void setUnitId(Long unitId) { this.unitId = unitId; }
        public String getLeader() { return leader; }
        public void setLeader(String leader) { this.leader = leader; }
        public String getOwner() { return owner; }
        public void setOwner(String owner) { this.owner = owner; }
        public LocalDate getDueOn() { return dueOn; }
        public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    public Long getCentre() { return centre; }
    public void setCentre(Long centre) { this.centre = centre; }
    public String getHeldAt() { return heldAt; }
    public void setHeldAt(String heldAt) { this.heldAt = heldAt; }
    public String getChair() { return chair; }
    public void setChair(String chair) { this.chair = chair; }
    public String getAttendees() { return attendees; }
    public void setAttendees(String attendees) { this.attendees = attendees; }
    public List<Long> getInvitedUnits() { return invitedUnits; }
    public void setInvitedUnits(List<Long> invitedUnits) { this.invitedUnits = invitedUnits; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public List<DecisionRow> getDecisions() { return decisions; }
    public void setDecisions(List<DecisionRow> decisions) { this.decisions = decisions; }
}
