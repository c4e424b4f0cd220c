package org.fengqiao.deadlines;

import java.time.Instant;

/**
 * A deadline fixed by a policy, with the policy that fixed it (so the decision can be explained).
 */
public record Deadline(Instant due, DeadlinePolicy policy) {

    public String explanation() {
        return policy.code() + "：" + policy.description();
    }
}
