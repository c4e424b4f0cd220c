package org.fengqiao.laws;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import org.fengqiao.platform.ProblemException;

/** A 400 for a law file not in the expected form: the file, the line and what was expected there. */
public class LawFileRefused extends ProblemException.InvalidInput {

    private final String file;
    private final int line;

    public LawFileRefused(LawFormatException e) {
        super("files", e.line() > 0 ? "laws.import.refusedAtLine" : "laws.import.refused", e.file(),
                Integer.toString(e.line()),
                new DefaultMessageSourceResolvable(new String[] {e.messageKey()}, e.args(), e.messageKey()));
        this.file = e.file();
        this.line = e.line();
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>(super.properties());
        p.put("file", file);
        if (line > 0) {
            p.put("line", line);
        }
        return p;
    }
}
