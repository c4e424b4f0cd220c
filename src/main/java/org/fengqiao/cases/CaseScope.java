package org.fengqiao.cases;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cases a caller may reach that match a filter, as a SQL condition for read-only reports in other modules
 * (measures, the map, the supervision board). The condition is over the {@code cases} table aliased {@code c}
 * and always contains the caller's jurisdiction ({@link CaseLists#scope}); reports add their own conditions
 * with {@link #and} and may read the columns of {@code cases c} and the events joined as
 * {@code case_event e on e.case_id = c.id}. They never write.
 *
 * @param sql    a condition to put after {@code where}
 * @param params its named parameters
 */
public record CaseScope(String sql, Map<String, Object> params) {

    public CaseScope {
        // values may be null (a department's jurisdiction has no region prefix)
        params = java.util.Collections.unmodifiableMap(new HashMap<>(params));
    }

    /** This scope narrowed by a further condition; its parameter names must not clash with those already bound. */
    public CaseScope and(String condition, Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(params);
        more.forEach((name, value) -> {
            if (all.containsKey(name)) {
                throw new IllegalArgumentException("parameter :" + name + " is already bound in the case scope");
            }
            all.put(name, value);
        });
        return new CaseScope("(" + sql + ") and (" + condition + ")", all);
    }

    public CaseScope and(String condition) {
        return and(condition, Map.of());
    }

    /** Binds the scope's parameters to a statement that contains its condition. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        params.forEach((name, value) -> spec.param(name, value));
        return spec;
    }
}
