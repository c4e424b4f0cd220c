package org.fengqiao.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fengqiao.platform.ProblemException;

/**
 * An action the case's current status does not allow (HTTP 409). The problem detail names the current status
 * and the actions that are allowed.
 */
public class ActionNotAllowed extends ProblemException {

    private final CaseStatus current;
    private final CaseAction action;

    public ActionNotAllowed(CaseStatus status, CaseAction action) {
        super("case.actionNotAllowed", localized("status." + status), localized("action." + action),
                new Joined("action.", status.allowedActions().stream().map(Enum::name).toList()));
        this.current = status;
        this.action = action;
    }

    public CaseStatus currentStatus() {
        return current;
    }

    public CaseAction action() {
        return action;
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("currentStatus", current.name());
        props.put("action", action.name());
        props.put("allowedActions", List.copyOf(current.allowedActions().stream().map(Enum::name).toList()));
        return props;
    }
}
