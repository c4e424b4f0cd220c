package org.fengqiao.open311;

import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import org.fengqiao.cases.CaseReplies;
import org.fengqiao.cases.CaseReply;
import org.fengqiao.openboard.Deidentifier;

/**
 * The status notes of a service request: the official reply to the citizen (答复) — the final one, or else the
 * latest interim one — the part of a case written for the public, de-identified like the description (GET
 * requests is public, and a reply may greet the citizen by name). Internal notes never appear here. The
 * de-identified text is kept per reply text, so a list of requests costs no name recognition twice.
 */
@Component
class StatusNotes {

    private final CaseReplies replies;
    private final Deidentifier deidentifier;
    private final Cache<String, String> shown = Caffeine.newBuilder().maximumSize(10_000).build();

    StatusNotes(CaseReplies replies, Deidentifier deidentifier) {
        this.replies = replies;
        this.deidentifier = deidentifier;
    }

    Optional<String> of(long caseId) {
        List<CaseReply> all = replies.of(caseId);
        Optional<CaseReply> reply = replies.latestFinal(caseId).or(() -> all.isEmpty()
                ? Optional.empty() : Optional.of(all.getLast()));
        return reply.map(r -> shown.get(r.text(), t -> deidentifier.deidentify(t, List.of()).text()));
    }
}
