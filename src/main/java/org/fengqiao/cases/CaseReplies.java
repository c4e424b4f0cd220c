package org.fengqiao.cases;

import static org.fengqiao.cases.CaseSql.instant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands.Reply;

/**
 * The replies to the citizen (答复) of a case: the interim ones staff send while handling it and the final one
 * written when it is closed ({@link CaseService#close}). Reads take no actor: they serve the public pages and
 * Open311, which have proved their right to the case otherwise, and show nothing but the replies.
 */
@Service
public class CaseReplies {

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final CaseRecords records;
    private final MessageSource messages;

    CaseReplies(JdbcClient jdbc, CaseService cases, CaseRecords records, MessageSource messages) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.records = records;
        this.messages = messages;
    }

    /** Every reply of the case, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseReply> of(long caseId) {
        return jdbc.sql("select text, replied_at, interim from case_reply where case_id = ? order by replied_at, id")
                .param(caseId)
                .query((rs, n) -> new CaseReply(rs.getString("text"), instant(rs, "replied_at"), rs.getBoolean("interim")))
                .list();
    }

    /** The reply written at the latest closure, if the case was closed with one. */
    @Transactional(readOnly = true)
    public Optional<CaseReply> latestFinal(long caseId) {
        return of(caseId).reversed().stream().filter(r -> !r.interim()).findFirst();
    }

    /** Sends an interim reply (阶段性答复) to the citizen; recorded as {@code CaseReplied} on the case. */
    @Transactional
    public void interim(Actor actor, long caseId, Reply cmd) {
        CaseIntake.checkText("text", cmd.text());
        cases.apply(actor, caseId, CaseAction.REPLY, (c, act) ->
                c.reply(records.reply(caseId, cmd.text(), true, actor.userId(), actor.unitId(), act.at()), act));
    }

    /** The text a handler starts from when closing with this outcome, to edit before sending. */
    public String template(Outcome outcome, Locale locale) {
        return messages.getMessage("reply.template." + outcome.name(), null, locale);
    }
}
