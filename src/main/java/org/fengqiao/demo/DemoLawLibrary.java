package org.fengqiao.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.deadlines.DeadlinePolicy;
import org.fengqiao.deadlines.DeadlineStep;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.deadlines.LegalBasis;
import org.fengqiao.laws.LawFiles;
import org.fengqiao.laws.LawFormatException;
import org.fengqiao.laws.LawLibrary;
import org.fengqiao.laws.LawText;

/**
 * The demo's law library (the few laws in {@code demo/laws/}, see its SOURCE.txt) and the labour-dispute deadline:
 * a labour dispute's mediation ends within 15 days (劳动争议调解仲裁法第十四条), not the month of people's mediation. The
 * policy keys on the taxonomy's code for 劳动和社会保障 / 劳动关系, which exists once the demo's taxonomy is loaded.
 */
@Component
class DemoLawLibrary {

    static final String LABOUR_POLICY = "HANDLE_LABOUR_DISPUTE";

    private final LawLibrary library;
    private final Categories categories;
    private final Deadlines deadlines;

    DemoLawLibrary(LawLibrary library, Categories categories, Deadlines deadlines) {
        this.library = library;
        this.categories = categories;
        this.deadlines = deadlines;
    }

    void load() {
        List<LawText> laws = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:demo/laws/*.md")) {
                laws.add(LawFiles.parse(r.getFilename(), r.getContentAsByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LawFormatException e) {
            throw new IllegalStateException("demo law file in a wrong form: " + e.getMessage(), e);
        }
        library.importLaws(laws, null);
        Category labour = categories.topLevelNamed("劳动和社会保障").flatMap(top -> categories.children(top.code())
                .stream().filter(c -> c.name().equals("劳动关系")).findFirst()).orElseThrow();
        if (deadlines.find(LABOUR_POLICY).isEmpty()) {
            deadlines.create(new DeadlinePolicy(0, LABOUR_POLICY, DeadlineStep.HANDLE, null, "DISPUTE", labour.code(),
                    null, 15, DeadlinePolicy.DurationUnit.CALENDAR_DAYS, null,
                    "劳动争议调解自收到申请之日起15日内结束（《劳动争议调解仲裁法》第十四条）", true,
                    new LegalBasis("劳动争议调解仲裁法", "第十四条")));
        }
    }
}
