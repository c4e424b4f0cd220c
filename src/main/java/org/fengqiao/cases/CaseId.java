package org.fengqiao.cases;

/**
 * A case's identity inside the lifecycle. The API and the stored events keep the plain number ({@link #value}).
 */
public record CaseId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
