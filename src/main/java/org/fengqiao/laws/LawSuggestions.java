package org.fengqiao.laws;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseViews;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.DisputeType;
import org.fengqiao.platform.ProblemException;

/**
 * 相关法条: the articles most relevant to a dispute — its type's curated laws ({@link DisputeLaws}) combined with a
 * search by its text — each with the reasons, in the reader's language.
 */
@Service
public class LawSuggestions {

    public static final int MAX_TEXT_LENGTH = 5_000;
    public static final int DEFAULT_LIMIT = 5;

    /**
     * A suggested article.
     *
     * @param law   the law's short title (劳动争议调解仲裁法)
     * @param why   the reasons, one sentence each
     */
    public record SuggestedArticle(String law, String lawTitle, String article, int number, LocalDate versionDate,
                                   String chapter, String text, double score, List<String> why) {
    }

    private final LawLibrary library;
    private final Categories categories;
    private final CaseQueries cases;
    private final MessageSource messages;

    LawSuggestions(LawLibrary library, Categories categories, CaseQueries cases, MessageSource messages) {
        this.library = library;
        this.categories = categories;
        this.cases = cases;
        this.messages = messages;
    }

    /**
     * The articles most relevant to a dispute's text and type.
     *
     * @param disputeType a dispute type's code, or null
     */
    public List<SuggestedArticle> suggest(String text, String disputeType, int limit) {
        if (text == null || text.isBlank()) {
            throw new ProblemException.InvalidInput("text", "laws.textMissing");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new ProblemException.InvalidInput("text", "laws.textTooLong", MAX_TEXT_LENGTH);
        }
        DisputeType type = disputeType == null || disputeType.isBlank() ? null
                : categories.requireDisputeType("disputeType", disputeType);
        return suggest(text, type, LawLibrary.clamp(limit));
    }

    /**
     * The articles most relevant to a case, from its dispute type, title and description.
     *
     * @throws ProblemException.NotFound when the case is not the actor's to see
     */
    public List<SuggestedArticle> forCase(Actor actor, long caseId, int limit) {
        CaseViews.CaseView c = cases.get(actor, caseId);
        DisputeType type = c.classification().disputeType() == null ? null
                : categories.disputeType(c.classification().disputeType().code()).orElse(null);
        String text = c.matter().title() + "\n" + (c.matter().description() == null ? "" : c.matter().description());
        return suggest(text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text, type,
                LawLibrary.clamp(limit));
    }

    private List<SuggestedArticle> suggest(String text, DisputeType type, int limit) {
        DisputeLaws.Profile profile = type == null ? null : DisputeLaws.of(type.code()).orElse(null);
        Locale locale = LocaleContextHolder.getLocale();
        List<SuggestedArticle> out = new ArrayList<>();
        for (LawSearch.Suggestion s : library.index().suggest(text, profile, limit)) {
            LawSearch.Hit a = s.article();
            List<String> why = new ArrayList<>();
            if (s.typeLaw()) {
                why.add(messages.getMessage(s.keyArticle() ? "laws.why.keyArticle" : "laws.why.typeLaw",
                        new Object[] {type.name(locale), a.shortTitle()}, locale));
            }
            if (!s.sharedWords().isEmpty()) {
                why.add(messages.getMessage("laws.why.words",
                        new Object[] {String.join("en".equals(locale.getLanguage()) ? ", " : "、", s.sharedWords())},
                        locale));
            }
            if (why.isEmpty()) {
                why.add(messages.getMessage("laws.why.text", null, locale));
            }
            out.add(new SuggestedArticle(a.shortTitle(), a.lawTitle(), a.label(), a.number(), a.versionDate(),
                    a.chapter(), a.text(), a.score(), why));
        }
        return out;
    }
}
