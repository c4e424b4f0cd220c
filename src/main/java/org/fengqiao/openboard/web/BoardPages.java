package org.fengqiao.openboard.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.crypto.PersonalData;
import org.fengqiao.openboard.PublicBoard;
import org.fengqiao.openboard.PublicStats;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.platform.SharedBuckets;
import org.fengqiao.regions.Regions;

/**
 * The public board ({@code /public/board}: 回音壁 and 问题墙 by township and category) and the public statistics
 * ({@code /public/stats}), phone first, no script. "我也遇到" is limited per address with Bucket4j
 * ({@code fengqiao.board.metoo-per-hour}), the bucket kept in PostgreSQL and keyed by the address's hash.
 */
@Controller
class BoardPages {

    static final String BOARD = "public/board";
    static final String STATS = "public/stats";
    static final int PAGE = 20;

    private final PublicBoard board;
    private final PublicStats stats;
    private final Regions regions;
    private final Categories categories;
    private final MessageSource messages;
    private final int perHour;
    private final SharedBuckets limits;
    private final PersonalData personalData;

    BoardPages(PublicBoard board, PublicStats stats, Regions regions, Categories categories, MessageSource messages,
               @Value("${fengqiao.board.metoo-per-hour:20}") int perHour, SharedBuckets limits,
               PersonalData personalData) {
        this.limits = limits;
        this.personalData = personalData;
        this.board = board;
        this.stats = stats;
        this.regions = regions;
        this.categories = categories;
        this.messages = messages;
        this.perHour = perHour;
    }

    @GetMapping("/public/board")
    String board(@RequestParam(defaultValue = "RESPONSES") String wall, @RequestParam(required = false) String township,
                 @RequestParam(required = false) String category, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(required = false) Long thanks, Model model) {
        model.addAttribute("thanks", thanks);
        PublicBoard.Wall w = "PROBLEMS".equals(wall) ? PublicBoard.Wall.PROBLEMS : PublicBoard.Wall.RESPONSES;
        List<Region> townships = townships();
        String t = townships.stream().anyMatch(r -> r.code().value().equals(township)) ? township : null;
        List<Category> groups = categories.list().stream().filter(c -> c.level() == 1 && c.active()).toList();
        String c = groups.stream().anyMatch(g -> g.code().equals(category)) ? category : null;
        int p = Math.max(0, Math.min(page, 1000));
        model.addAttribute("wall", w.name());
        model.addAttribute("township", t);
        model.addAttribute("category", c);
        model.addAttribute("page", p);
        model.addAttribute("townships", townships);
        model.addAttribute("townshipNames", townships.stream()
                .collect(Collectors.toMap(r -> r.code().value(), Region::name)));
        model.addAttribute("groups", groups);
        model.addAttribute("categoryNames", categories.list().stream()
                .collect(Collectors.toMap(Category::code, Category::name)));
        List<PublicBoard.PublicItem> items = board.items(w, t, c, p, PAGE + 1);
        model.addAttribute("items", items.size() > PAGE ? items.subList(0, PAGE) : items);
        model.addAttribute("more", items.size() > PAGE);
        return BOARD;
    }

    @PostMapping("/public/board/{id}/metoo")
    String meToo(@PathVariable long id, HttpServletRequest http, Locale locale) {
        String address = http.getRemoteAddr();
        if (!limits.bucket("board-metoo:" + personalData.clientHash(address), perHour, Duration.ofHours(1))
                .tryConsume(1)) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                    messages.getMessage("board.metoo.tooMany", null, locale));
        }
        if (!board.meToo(id, address)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.getMessage("board.notFound", null, locale));
        }
        // no flash attribute: that would need a session, and the public side keeps none
        return "redirect:/public/board?wall=PROBLEMS&thanks=" + id + "#item-" + id;
    }

    @GetMapping("/public/stats")
    String stats(Model model) {
        model.addAttribute("table", stats.table());
        return STATS;
    }

    private List<Region> townships() {
        return regions.roots().stream().flatMap(r -> regions.within(r.code(), RegionLevel.TOWNSHIP).stream()).toList();
    }

}
