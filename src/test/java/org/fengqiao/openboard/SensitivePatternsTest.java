package org.fengqiao.openboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The patterns against their own test set (src/test/resources/openboard/pattern-cases.tsv): every marked item is
 * found with its exact extent (100 % recall), and nothing is found where there is nothing to find.
 */
class SensitivePatternsTest {

    record Case(SensitiveKind kind, String text, List<int[]> expected) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (var in = SensitivePatternsTest.class.getResourceAsStream("/openboard/pattern-cases.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("kind\t")) {
                    continue;
                }
                String[] f = line.split("\t", 2);
                StringBuilder text = new StringBuilder();
                List<int[]> expected = new ArrayList<>();
                int open = -1;
                for (char c : f[1].toCharArray()) {
                    if (c == '⟦') {
                        open = text.length();
                    } else if (c == '⟧') {
                        expected.add(new int[] {open, text.length()});
                    } else {
                        text.append(c);
                    }
                }
                cases.add(new Case(f[0].equals("NONE") ? null : SensitiveKind.valueOf(f[0]), text.toString(), expected));
            }
        }
        return cases;
    }

    @Test
    void findsEveryMarkedItemOfTheTestSetWithItsExactExtent() throws IOException {
        int items = 0;
        for (Case c : cases()) {
            List<SensitivePatterns.Span> found = SensitivePatterns.find(c.text());
            for (int[] e : c.expected()) {
                items++;
                assertThat(found).as("%s in «%s»", c.kind(), c.text())
                        .contains(new SensitivePatterns.Span(e[0], e[1], c.kind()));
            }
        }
        assertThat(items).isGreaterThanOrEqualTo(40);
    }

    @Test
    void findsNothingInDatesAmountsAndCodes() throws IOException {
        for (Case c : cases()) {
            if (c.kind() == null) {
                assertThat(SensitivePatterns.find(c.text())).as("«%s»", c.text()).isEmpty();
            }
        }
    }

    @Test
    void replacesNamesBySurnameAndTheRestByAWord() {
        Deidentifier d = new Deidentifier(kind -> switch (kind) {
            case PARTY_NAME, PERSON_NAME -> "某";
            default -> "〔" + kind.name() + "〕";
        });
        Deidentifier.Result r = d.deidentify("我叫刘健三，与张小明发生纠纷，电话13857512345，住枫源村3组12号。", List.of("张小明"));
        assertThat(r.text()).isEqualTo("我叫刘某，与张某发生纠纷，电话〔PHONE〕，住枫源村〔ADDRESS_DETAIL〕。");
        assertThat(r.counts()).containsEntry(SensitiveKind.PARTY_NAME, 1).containsEntry(SensitiveKind.PERSON_NAME, 1);
    }
}
