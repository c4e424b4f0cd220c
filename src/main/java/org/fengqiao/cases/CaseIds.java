package org.fengqiao.cases;

import java.util.function.LongSupplier;

/**
 * Hands out case ids from blocks of the database sequence {@code case_id_seq} (which steps by
 * {@value #BLOCK}), so registering a case costs no round trip for its id and instances of a cluster never
 * collide.
 */
final class CaseIds {

    static final int BLOCK = 50;

    private final LongSupplier nextBlockStart;
    private long next;
    private long end;

    CaseIds(LongSupplier nextBlockStart) {
        this.nextBlockStart = nextBlockStart;
    }

    synchronized long next() {
        if (next >= end) {
            next = nextBlockStart.getAsLong();
            end = next + BLOCK;
        }
        return next++;
    }
}
