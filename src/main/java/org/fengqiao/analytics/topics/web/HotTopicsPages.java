package org.fengqiao.analytics.topics.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.ObjectMapper;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.topics.HotTopicBoard;
import org.fengqiao.analytics.topics.HotTopicList;
import org.fengqiao.intelligence.topics.AgendaPeriod;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/** The hot-topics page (热点): a ranked table for the day, week or month, with a chart of the topics' sizes. */
@Controller
class HotTopicsPages {

    static final String HOT_TOPICS = "analytics/hot-topics";
    /** Topics the page lists. */
    static final int TOP = 20;

    private final HotTopicBoard board;
    private final ProblemMessages problems;
    private final ObjectMapper json;

    HotTopicsPages(HotTopicBoard board, ProblemMessages problems, ObjectMapper json) {
        this.board = board;
        this.problems = problems;
        this.json = json;
    }

    @GetMapping("/analytics/hot-topics")
    String hotTopics(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "week") String period,
                     Model model) {
        AgendaPeriod chosen;
        try {
            chosen = HotTopicBoard.period(period);
        } catch (ProblemException e) {
            // say what was wrong and show the weekly list below it
            model.addAttribute("error", problems.text(e));
            chosen = AgendaPeriod.WEEK;
        }
        HotTopicList list = board.find(actor, chosen, TOP);
        model.addAttribute("nav", "hotTopics");
        model.addAttribute("periods", List.of("day", "week", "month"));
        model.addAttribute("period", chosen.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("list", list);
        model.addAttribute("chartData", forScript(chartData(list)));
        return HOT_TOPICS;
    }

    /** What the chart draws: per topic, its name and its cases in this period and the one before. */
    static Map<String, Object> chartData(HotTopicList list) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("names", list.topics().stream().map(t -> t.rank() + ". " + t.label()).toList());
        data.put("size", list.topics().stream().map(HotTopicList.Topic::size).toList());
        data.put("previous", list.topics().stream().map(HotTopicList.Topic::previous).toList());
        return data;
    }

    /** JSON that may sit inside a {@code <script type="application/json">} element. */
    private String forScript(Object value) {
        return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
