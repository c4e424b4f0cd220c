package org.fengqiao.triage;

import java.time.Instant;
import java.util.List;

/**
 * A stored classifier model, without its weights.
 *
 * @param source   {@code CASES} (trained on the deployment's dispatched cases) or {@code UPLOAD} (trained on files
 *                 with {@code ./fengqiao train} and uploaded)
 * @param trigger  what started it: {@code SCHEDULE}, {@code DEMO} or the user who asked
 * @param labels   the categories (codes) it can suggest
 * @param unmapped labels of the model that name no category of this deployment (never suggested)
 */
public record ModelInfo(long id, Instant trainedAt, String source, String trigger, int examples, List<String> labels,
                        List<String> unmapped) {
}
