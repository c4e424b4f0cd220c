package org.fengqiao.bench;

import java.util.List;
import java.util.Locale;

/**
 * A named measurement producing one or more figures.
 */
interface Benchmark {

    String name();

    List<Figure> run();

    /** One figure, printed as {@code BENCH name=<name> value=<number> unit=<unit>}. */
    record Figure(String name, double value, String unit) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "BENCH name=%s value=%.1f unit=%s", name, value, unit);
        }
    }
}
