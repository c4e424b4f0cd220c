package org.fengqiao.intelligence.duplicates;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A candidate that is probably the same matter as the incoming one: the dispatcher decides whether to merge or
 * link.
 *
 * @param candidateId the candidate's {@link Matter#id()}
 * @param score       0..1, higher is more probably the same matter
 * @param reasons     every signal that contributed, the text first
 * @param sharedWords up to eight words both texts share, most telling first (to show beside the reasons)
 */
public record DuplicateMatch(String candidateId, double score, List<Reason> reasons, List<String> sharedWords) {

    /** Copies the lists. */
    public DuplicateMatch {
        reasons = List.copyOf(reasons);
        sharedWords = List.copyOf(sharedWords);
    }

    /** Whether a signal with {@code code} contributed. */
    public boolean has(Reason.Code code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }

    /** The reasons in Chinese, joined: {@code 正文相似度 0.82；同一网格；相距 120 米；同一当事人}. */
    public String describe() {
        return reasons.stream().map(Reason::describe).collect(Collectors.joining("；"));
    }
}
