package org.fengqiao.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.core.io.ClassPathResource;

import org.fengqiao.cases.CaseCommands.PartyInput;
import org.fengqiao.cases.CaseCommands.RegisterCase;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.Channel;
import org.fengqiao.cases.PartyRole;
import org.fengqiao.categories.Category;
import org.fengqiao.regions.Region;

/**
 * What the demo's cases are about: the templates of {@code demo/case-templates.tsv} filled in with a village,
 * made-up people, a group size or an amount, and the channel a matter of its kind comes in by.
 */
final class DemoMatters {

    /** A kind of matter as the template file gives it; {@code {village}}, {@code {a}}, {@code {b}}, {@code {n}}. */
    record Template(CaseKind kind, String disputeType, String categoryPath, String title, String description) {
    }

    private DemoMatters() {
    }

    static Channel channel(Template t, Random random) {
        if (t.kind() == CaseKind.SAFETY_HAZARD) {
            return Channel.GRID_PATROL;
        }
        int p = random.nextInt(100);
        if (p < 30) {
            return Channel.WALK_IN;
        } else if (p < 50) {
            return Channel.HOTLINE_12345;
        } else if (p < 68) {
            return Channel.GRID_PATROL;
        } else if (p < 78) {
            return Channel.ONLINE;
        } else if (p < 85) {
            return t.kind() == CaseKind.DISPUTE ? Channel.POLICE_110 : Channel.WALK_IN;
        } else if (p < 90) {
            return Channel.PETITION;
        } else if (p < 94) {
            return t.kind() == CaseKind.DISPUTE ? Channel.COURT_REFERRAL : Channel.ONLINE;
        }
        return Channel.LETTER_EMAIL;
    }

    static RegisterCase command(Template t, Channel channel, Region village, DemoGeography.Box box,
                                 Map<String, Category> byPath, Random random) {
        String a = DemoPeople.name(random);
        String b = DemoPeople.name(random);
        int group = t.description().contains("{n}") ? 3 + random.nextInt(random.nextInt(4) == 0 ? 40 : 8) : 1;
        BigDecimal amount = t.description().contains("{amount}")
                ? BigDecimal.valueOf((3 + random.nextInt(random.nextInt(5) == 0 ? 600 : 80)) * 1000L) : null;
        String title = fill(t.title(), village.name(), a, b, group, amount);
        String description = fill(t.description(), village.name(), a, b, group, amount);
        List<PartyInput> parties = new ArrayList<>();
        parties.add(new PartyInput(PartyRole.APPLICANT, a, DemoPeople.phone(random),
                random.nextBoolean() ? DemoPeople.idNumber(random) : null, village.name() + (1 + random.nextInt(80)) + "号"));
        if (t.kind() == CaseKind.DISPUTE && description.contains(b)) {
            parties.add(new PartyInput(PartyRole.RESPONDENT, b, random.nextInt(3) > 0 ? DemoPeople.phone(random) : null,
                    null, null));
        }
        double[] point = box.pointAt(random.nextDouble(), random.nextDouble());
        boolean located = channel == Channel.GRID_PATROL || channel == Channel.ONLINE || random.nextInt(3) == 0;
        Category category = byPath.get(t.categoryPath().replace("/", " / "));
        return new RegisterCase(channel, sourceRef(channel, random), t.kind(), category == null ? null : category.code(),
                t.disputeType(), title, description, village.name() + (1 + random.nextInt(80)) + "号",
                located ? point[1] : null, located ? point[0] : null, village.code().value(),
                Math.max(group, parties.size()), amount, t.kind() == CaseKind.SAFETY_HAZARD && random.nextBoolean(),
                parties, null, null);
    }

    private static String sourceRef(Channel channel, Random random) {
        return switch (channel) {
            case HOTLINE_12345 -> "12345-" + (20260000 + random.nextInt(99999));
            case POLICE_110 -> "110-JQ" + (100000 + random.nextInt(899999));
            case PETITION -> "XF" + (2026000 + random.nextInt(9999));
            case COURT_REFERRAL -> "(2026)浙0681民诉前调" + (1000 + random.nextInt(8999)) + "号";
            default -> null;
        };
    }

    private static String fill(String text, String village, String a, String b, int n, BigDecimal amount) {
        return text.replace("{village}", village).replace("{a}", a).replace("{b}", b)
                .replace("{n}", Integer.toString(n))
                .replace("{amount}", amount == null ? "" : amount.toPlainString());
    }

    static List<Template> templates() {
        List<Template> list = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/case-templates.tsv").getInputStream(), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t");
                list.add(new Template(CaseKind.valueOf(f[0]), "-".equals(f[1]) ? null : f[1], f[2], f[3], f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }
}
