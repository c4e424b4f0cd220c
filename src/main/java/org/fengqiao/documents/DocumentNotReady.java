package org.fengqiao.documents;

import java.util.List;
import java.util.Map;

import org.fengqiao.platform.ProblemException;

/**
 * The case lacks what a document needs (no agreement yet, an agreement without the way and time it is carried
 * out …): HTTP 409 naming each missing thing ({@code missing}: codes, the message: their names).
 */
public class DocumentNotReady extends ProblemException {

    private final DocumentKind kind;
    private final List<String> missing;

    DocumentNotReady(DocumentKind kind, List<String> missing) {
        super("document.notReady", localized("document.kind." + kind), new Joined("document.missing.", missing));
        this.kind = kind;
        this.missing = List.copyOf(missing);
    }

    public DocumentKind kind() {
        return kind;
    }

    public List<String> missing() {
        return missing;
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("document", kind.slug(), "missing", missing);
    }
}
