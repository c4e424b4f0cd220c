package org.fengqiao.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands.Close;
import org.fengqiao.cases.CaseCommands.Reply;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseReplies;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.CitizenCases;
import org.fengqiao.cases.Outcome;
import org.fengqiao.cases.Rating;
import org.fengqiao.citizens.EvaluationWindows;
import org.fengqiao.citizens.PublicReports;
import org.fengqiao.organisation.Role;
import org.fengqiao.platform.PlatformClock;

/**
 * Citizens' own reports in the demo (随手报), registered through the public side's service: some still open, some
 * answered with an interim reply, some closed with a reply and rated online by the citizen (one 不满意, now under
 * review), one never rated within its window (未评价). Their SMS wait in the outbox.
 */
@Component
class DemoCitizens {

    private record Story(int daysAgo, String matter, String title, String description, String village, String mobile,
                         Rating rating, boolean close) {
    }

    private static final List<Story> STORIES = List.of(
            new Story(20, "NEIGHBOUR", "楼上空调外机滴水", "楼上空调外机常年滴水到我家阳台，沟通多次未果，希望帮忙协调。",
                    "330681109290", "13900005001", Rating.SATISFIED, true),
            new Story(16, "POLLUTION", "小作坊夜间噪声扰民", "村口小作坊每晚十点后还在开机，噪声很大，影响休息。",
                    "330681109291", null, null, true),
            new Story(12, "WAGES", "装修队拖欠两个月工资", "在镇上装修队干了两个月，老板一直拖着不发工资，共六千元。",
                    "330681109002", "13900005003", Rating.DISSATISFIED, true),
            new Story(6, "PROPERTY", "小区路灯坏了一个月", "小区东门到三号楼的路灯坏了一个月，晚上老人出行不安全。",
                    "330681109002", "13900005004", Rating.BASICALLY_SATISFIED, true),
            new Story(3, "NEIGHBOUR", "邻居杂物堆放占用通道", "邻居在楼道和门前通道堆放杂物，消防通道被堵。",
                    "330681109290", "13900005005", null, false),
            new Story(1, "HAZARD", "村道边护栏松动", "村道转弯处护栏松动，晚上骑电动车很危险。",
                    "330681109291", null, null, false));

    private final PublicReports reports;
    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseReplies replies;
    private final CitizenCases citizens;
    private final EvaluationWindows windows;

    DemoCitizens(PublicReports reports, CaseService cases, CaseQueries queries, CaseReplies replies,
                 CitizenCases citizens, EvaluationWindows windows) {
        this.reports = reports;
        this.cases = cases;
        this.queries = queries;
        this.replies = replies;
        this.citizens = citizens;
        this.windows = windows;
    }

    void load(Map<String, Actor> actors, PlatformClock clock) {
        Instant now = clock.instant();
        for (Story s : STORIES) {
            Instant t = now.minus(Duration.ofDays(s.daysAgo())).plus(Duration.ofHours(2));
            long id = clock.at(t, () -> reports.submit(new PublicReports.Report(s.matter(), s.title(), s.description(),
                    null, null, s.village(), s.mobile() == null ? null : "群众", s.mobile(), List.of()))).caseId();
            var handling = queries.get(actors.get("admin"), id).handling().handlingUnit();
            if (handling == null) {
                continue;
            }
            Actor handler = actors.values().stream().filter(a -> a.unitId() == handling.id())
                    .filter(a -> a.hasAny(Role.HANDLER, Role.MEDIATOR)).findFirst().orElse(null);
            if (handler == null) {
                continue;
            }
            clock.at(t.plus(Duration.ofHours(3)), () -> cases.accept(handler, id, null));
            clock.at(t.plus(Duration.ofDays(1)), () -> replies.interim(handler, id,
                    new Reply("您好！您反映的问题已受理，我们已联系相关方，将尽快处理。")));
            if (!s.close() || s.daysAgo() < 2) {
                continue;
            }
            Instant closed = t.plus(Duration.ofDays(Math.min(3, s.daysAgo() - 1)));
            clock.at(closed, () -> cases.close(handler, id, new Close(Outcome.RESOLVED, "已上门核实并协调处理。",
                    "您好！您反映的“" + s.title() + "”已处理：我们已上门核实并协调相关方整改。感谢您的反映。")));
            if (s.rating() != null) {
                clock.at(closed.plus(Duration.ofHours(20)), () -> citizens.evaluate(id, s.rating(),
                        s.rating() == Rating.DISSATISFIED ? "工资只发了一半" : "处理及时"));
            }
        }
        clock.at(now, () -> {
            windows.expire();
        });
    }
}
