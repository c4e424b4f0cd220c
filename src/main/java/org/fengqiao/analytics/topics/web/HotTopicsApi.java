package org.fengqiao.analytics.topics.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.topics.HotTopicBoard;
import org.fengqiao.analytics.topics.HotTopicList;

/** 热点: the hot topics of a review agenda as JSON, over the cases the caller may reach. */
@RestController
class HotTopicsApi {

    private final HotTopicBoard board;

    HotTopicsApi(HotTopicBoard board) {
        this.board = board;
    }

    /**
     * The best {@code top} topics (1–50) of the {@code day}, {@code week} or {@code month} ending today, each
     * with its score parts and up to five sample cases; 400 for any other period or count.
     */
    @GetMapping("/api/analytics/hot-topics")
    HotTopicList hotTopics(@AuthenticationPrincipal Actor actor,
                           @RequestParam(defaultValue = "week") String period,
                           @RequestParam(defaultValue = "10") int top) {
        return board.find(actor, HotTopicBoard.period(period), top);
    }
}
