package org.fengqiao.cases;

import org.fengqiao.platform.ProblemException;

/**
 * 404: the case does not exist or lies outside the caller's jurisdiction; both read the same, so that nobody
 * learns of a case by its id.
 */
public class CaseNotFound extends ProblemException.NotFound {

    public CaseNotFound(Object id) {
        super("case.notFound", id);
    }
}
