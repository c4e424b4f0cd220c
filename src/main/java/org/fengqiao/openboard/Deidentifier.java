package org.fengqiao.openboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Takes the personal data out of a text before anyone outside may read it: phone, ID and bank card numbers,
 * licence plates, the case's own party names, other person names and address details below the village. The
 * result is a proposal: a person reviews it before it is published (the board), and the spans say what was
 * taken out. A name becomes its surname and 某 (王伟军 → 王某), the rest a bracketed word from the bundle
 * ({@code board.redacted.*}, written in Chinese, the language of the record).
 */
@Component
public class Deidentifier {

    /** The text as it may be shown, and the spans of the original that were replaced. */
    public record Result(String text, List<SensitivePatterns.Span> spans) {

        public Map<SensitiveKind, Integer> counts() {
            Map<SensitiveKind, Integer> counts = new EnumMap<>(SensitiveKind.class);
            spans.forEach(s -> counts.merge(s.kind(), 1, Integer::sum));
            return counts;
        }
    }

    private final PersonNames names = new PersonNames();
    private final Function<SensitiveKind, String> marks;

    @org.springframework.beans.factory.annotation.Autowired
    Deidentifier(MessageSource messages) {
        this(kind -> messages.getMessage("board.redacted." + kind.name(), null, Locale.SIMPLIFIED_CHINESE));
    }

    /** For use outside Spring (evaluation, tests): the marks for the replaced spans given directly. */
    public Deidentifier(Function<SensitiveKind, String> marks) {
        this.marks = marks;
    }

    /** The text with every personal datum found replaced; the party names are the case's own. */
    public Result deidentify(String text, Collection<String> partyNames) {
        if (text == null || text.isEmpty()) {
            return new Result(text == null ? "" : text, List.of());
        }
        List<SensitivePatterns.Span> spans = new ArrayList<>(find(text, partyNames));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (SensitivePatterns.Span s : spans) {
            out.append(text, at, s.start()).append(replacement(text.substring(s.start(), s.end()), s.kind()));
            at = s.end();
        }
        out.append(text.substring(at));
        return new Result(out.toString(), List.copyOf(spans));
    }

    /** The spans only (what the evaluation measures). */
    public List<SensitivePatterns.Span> find(String text, Collection<String> partyNames) {
        List<SensitivePatterns.Span> spans = new ArrayList<>(SensitivePatterns.find(text));
        for (String party : partyNames == null ? List.<String>of() : partyNames) {
            String name = party == null ? "" : party.strip();
            if (name.length() < 2) {
                continue;
            }
            for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length())) {
                spans.add(new SensitivePatterns.Span(i, i + name.length(), SensitiveKind.PARTY_NAME));
            }
        }
        spans.addAll(names.find(text));
        return Spans.resolve(spans);
    }

    private String replacement(String found, SensitiveKind kind) {
        if (kind == SensitiveKind.PARTY_NAME || kind == SensitiveKind.PERSON_NAME) {
            int surname = found.length() >= 3 && PersonNames.isCompoundSurname(found.substring(0, 2)) ? 2 : 1;
            return Character.isIdeographic(found.codePointAt(0))
                    ? found.substring(0, surname) + marks.apply(kind) : marks.apply(kind) + marks.apply(kind);
        }
        return marks.apply(kind);
    }
}
