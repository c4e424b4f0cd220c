package org.fengqiao.citizens.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.fengqiao.cases.Rating;
import org.fengqiao.citizens.PublicLimits;
import org.fengqiao.citizens.PublicTracking;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * /public/track: the tracking code with the access key, or with a one-time code sent by SMS; then the matter in
 * plain words, its public steps, the replies and, from the final reply on and within the window, the rating form.
 * Look-ups and codes are rate-limited per client address (and codes per case).
 */
@Controller
class TrackPages {

    static final String TRACK = "public/track";
    static final String MATTER = "public/matter";

    private final PublicTracking tracking;
    private final PublicLimits limits;
    private final ProblemMessages problems;

    TrackPages(PublicTracking tracking, PublicLimits limits, ProblemMessages problems) {
        this.tracking = tracking;
        this.limits = limits;
        this.problems = problems;
    }

    @GetMapping("/public/track")
    String initTrackForm(@RequestParam(required = false) String code, Model model) {
        return form(code, Map.of(), null, model);
    }

    @PostMapping("/public/track")
    String track(@RequestParam(required = false) String code, @RequestParam(required = false) String key,
                 @RequestParam(required = false) String otp, HttpServletRequest request, Model model) {
        try {
            limits.take(PublicLimits.Kind.LOOKUP, request.getRemoteAddr());
            boolean byOtp = otp != null && !otp.isBlank();
            return matter(byOtp ? tracking.withOneTimeCode(code, otp.strip()) : tracking.withKey(code, key), null, model);
        } catch (ProblemException e) {
            return form(code, Map.of(field(e), problems.text(e)), null, model);
        }
    }

    @PostMapping("/public/track/code")
    String sendCode(@RequestParam(required = false) String code, HttpServletRequest request, Model model) {
        try {
            limits.take(PublicLimits.Kind.CODE, request.getRemoteAddr());
            limits.take(PublicLimits.Kind.CODE_CASE, code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT));
            tracking.sendCode(code);
            return form(code, Map.of(), problems.text("public.track.codeSent"), model);
        } catch (ProblemException e) {
            return form(code, Map.of("form", problems.text(e)), null, model);
        }
    }

    @PostMapping("/public/evaluate")
    String evaluate(@RequestParam(required = false) String pass, @RequestParam(required = false) String rating,
                    @RequestParam(required = false) String comment, Model model) {
        PublicTracking.Tracked t;
        try {
            t = tracking.withPass(pass);
        } catch (ProblemException e) {
            return form(null, Map.of("form", problems.text(e)), null, model);
        }
        try {
            Rating r = rating == null ? null : java.util.Arrays.stream(Rating.values())
                    .filter(v -> v.name().equals(rating)).findFirst().orElse(null);
            if (r == null) {
                throw new ProblemException.InvalidInput("rating", "public.evaluate.ratingRequired");
            }
            if (comment != null && comment.strip().length() > 500) {
                throw new ProblemException.InvalidInput("comment", "public.evaluate.commentTooLong", 500);
            }
            tracking.evaluate(pass, r, comment);
            model.addAttribute("notice", problems.text("public.evaluate.thanks"));
            return matter(tracking.withPass(pass), null, model);
        } catch (ProblemException e) {
            return matter(t, Map.of(field(e), problems.text(e)), model);
        }
    }

    private static String field(ProblemException e) {
        return e instanceof ProblemException.InvalidInput i && i.field() != null ? i.field() : "form";
    }

    private String matter(PublicTracking.Tracked t, Map<String, String> errors, Model model) {
        model.addAttribute("t", t);
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("ratings", Rating.values());
        return MATTER;
    }

    private String form(String code, Map<String, String> errors, String notice, Model model) {
        model.addAttribute("code", code == null ? "" : code.strip());
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        model.addAttribute("notice", notice);
        return TRACK;
    }
}
