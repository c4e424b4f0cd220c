package org.fengqiao.openboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseReplies;
import org.fengqiao.cases.CaseReply;
import org.fengqiao.cases.CaseViews.CaseView;
import org.fengqiao.cases.CaseViews.PartyView;
import org.fengqiao.organisation.Role;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;

/**
 * Publishing cases on the public response board. A supervisor proposes a case of their jurisdiction: its title
 * and text, and for a closed case the official reply, are de-identified automatically (the parties' names are
 * opened for it, an audited reveal) into a proposal; a supervisor reviews and corrects the text and approves it,
 * and only then does it appear. An item can be withdrawn at any time. Nothing of the case is shown that the
 * approved item does not hold, besides its status, category, township and the citizen's rating.
 */
@Service
@Transactional
public class BoardItems {

    /** An item as the reviewers see it. */
    public record Proposal(long id, long caseId, String trackingCode, String title, String summary, String reply,
                           String status, Instant proposedAt) {
    }

    private static final String PURPOSE = "回音壁发布前去标识化 / de-identification before publication";

    private final JdbcClient jdbc;
    private final CaseQueries queries;
    private final CaseReplies replies;
    private final Deidentifier deidentifier;
    private final Clock clock;

    BoardItems(JdbcClient jdbc, CaseQueries queries, CaseReplies replies, Deidentifier deidentifier, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.replies = replies;
        this.deidentifier = deidentifier;
        this.clock = clock;
    }

    /** Proposes the case for the board (or proposes it afresh), de-identified; returns the item's id. */
    public long propose(Actor actor, long caseId) {
        requireSupervisor(actor);
        CaseView c = queries.get(actor, caseId);
        List<String> names = new ArrayList<>();
        for (PartyView p : c.parties()) {
            PartyView clear = queries.revealParty(actor, caseId, p.id(), PURPOSE);
            if (clear.name() != null) {
                names.add(clear.name());
            }
        }
        String title = cut(deidentifier.deidentify(c.matter().title(), names).text(), 200);
        String summary = cut(deidentifier.deidentify(c.matter().description(), names).text(), 4000);
        String reply = c.status().hasOutcome() ? replies.latestFinal(caseId).map(CaseReply::text)
                .map(r -> cut(deidentifier.deidentify(r, names).text(), 4000)).orElse(null) : null;
        String township = DivisionCode.of(c.matter().location().regionCode()).level().isAbove(RegionLevel.TOWNSHIP)
                ? DivisionCode.of(c.matter().location().regionCode()).value()
                : DivisionCode.of(c.matter().location().regionCode()).truncate(RegionLevel.TOWNSHIP).value();
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                insert into board_item (case_id, township_code, category_code, title, summary, reply, status,
                                        proposed_by, proposed_at)
                values (?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?)
                on conflict (case_id) do update set title = excluded.title, summary = excluded.summary,
                    reply = excluded.reply, status = 'PROPOSED', proposed_by = excluded.proposed_by,
                    proposed_at = excluded.proposed_at, approved_by = null, approved_at = null,
                    category_code = excluded.category_code
                returning id
                """).params(caseId, township, c.classification().category() == null ? null
                        : c.classification().category().code(), title, summary, reply, actor.userId(), now)
                .query(Long.class).single();
    }

    /** The reviewer's corrections to a proposal's text; the item stays a proposal until approved. */
    public void edit(Actor actor, long itemId, String title, String summary, String reply) {
        Proposal p = proposal(actor, itemId);
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw new ProblemException.InvalidInput("title", "board.title.invalid");
        }
        if (summary == null || summary.isBlank() || summary.strip().length() > 4000) {
            throw new ProblemException.InvalidInput("summary", "board.summary.invalid");
        }
        if (reply != null && reply.strip().length() > 4000) {
            throw new ProblemException.InvalidInput("reply", "board.reply.invalid");
        }
        jdbc.sql("update board_item set title = ?, summary = ?, reply = ?, status = 'PROPOSED', approved_by = null, "
                        + "approved_at = null where id = ?")
                .params(title.strip(), summary.strip(), reply == null || reply.isBlank() ? null : reply.strip(), p.id())
                .update();
    }

    /** A person approves the reviewed text: from now on the item is public. */
    public void approve(Actor actor, long itemId) {
        Proposal p = proposal(actor, itemId);
        if (!p.status().equals("PROPOSED")) {
            throw new ProblemException.Conflict("board.notProposed");
        }
        jdbc.sql("update board_item set status = 'PUBLISHED', approved_by = ?, approved_at = ? where id = ?")
                .params(actor.userId(), Timestamp.from(clock.instant()), p.id()).update();
    }

    public void withdraw(Actor actor, long itemId) {
        Proposal p = proposal(actor, itemId);
        jdbc.sql("update board_item set status = 'WITHDRAWN' where id = ?").param(p.id()).update();
    }

    /** The items of cases the actor may see, proposals first, then the newest. */
    @Transactional(readOnly = true)
    public List<Proposal> list(Actor actor, int max) {
        requireSupervisor(actor);
        return jdbc.sql("""
                select i.id, i.case_id, c.tracking_code, i.title, i.summary, i.reply, i.status, i.proposed_at
                from board_item i join case_report c on c.id = i.case_id
                order by (i.status = 'PROPOSED') desc, i.proposed_at desc limit ?
                """).param(max * 4).query((rs, n) -> proposal(rs)).list().stream()
                .filter(p -> queries.find(actor, p.caseId()).isPresent()).limit(max).toList();
    }

    @Transactional(readOnly = true)
    public Proposal proposal(Actor actor, long itemId) {
        requireSupervisor(actor);
        Optional<Proposal> p = jdbc.sql("""
                select i.id, i.case_id, c.tracking_code, i.title, i.summary, i.reply, i.status, i.proposed_at
                from board_item i join case_report c on c.id = i.case_id where i.id = ?
                """).param(itemId).query((rs, n) -> proposal(rs)).optional();
        return p.filter(x -> queries.find(actor, x.caseId()).isPresent())
                .orElseThrow(() -> new ProblemException.NotFound("board.notFound"));
    }

    private static Proposal proposal(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Proposal(rs.getLong("id"), rs.getLong("case_id"), rs.getString("tracking_code"),
                rs.getString("title"), rs.getString("summary"), rs.getString("reply"), rs.getString("status"),
                rs.getTimestamp("proposed_at").toInstant());
    }

    private static void requireSupervisor(Actor actor) {
        if (!actor.has(Role.SUPERVISOR)) {
            throw new ProblemException.Forbidden("board.supervisorsOnly");
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
