package org.fengqiao.openboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Overlapping spans: the earlier wins, and at the same start the longer. */
final class Spans {

    private Spans() {
    }

    static List<SensitivePatterns.Span> resolve(List<SensitivePatterns.Span> spans) {
        List<SensitivePatterns.Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(SensitivePatterns.Span::start)
                .thenComparing(Comparator.comparingInt(SensitivePatterns.Span::end).reversed()));
        List<SensitivePatterns.Span> kept = new ArrayList<>();
        int end = -1;
        for (SensitivePatterns.Span s : sorted) {
            if (s.start() >= end) {
                kept.add(s);
                end = s.end();
            }
        }
        return kept;
    }
}
