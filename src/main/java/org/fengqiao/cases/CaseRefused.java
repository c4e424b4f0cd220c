package org.fengqiao.cases;

import org.fengqiao.platform.ProblemException;

/**
 * A business rule refused a step the status would allow: an extension asked for after the deadline, a
 * second extension beyond the limit, a review with nothing to review… (HTTP 409 with the rule's message).
 */
public class CaseRefused extends ProblemException {

    public CaseRefused(String messageKey, Object... args) {
        super(messageKey, args);
    }

    @Override
    public int status() {
        return 409;
    }
}
