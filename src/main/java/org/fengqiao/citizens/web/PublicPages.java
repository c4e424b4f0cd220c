package org.fengqiao.citizens.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import org.fengqiao.citizens.CitizenProperties;
import org.fengqiao.citizens.PublicLimits;
import org.fengqiao.citizens.PublicReports;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * 随手报 for citizens: the report form and what they see once it is registered (the tracking code, the QR code of the
 * tracking link and the access key, shown once: the result page is the answer to the post, never stored). Every
 * refusal comes back next to its field, with what was typed (never the photos) and nothing written.
 */
@Controller
class PublicPages {

    static final String HOME = "public/home";
    static final String REPORT = "public/report";
    static final String REPORTED = "public/reported";
    static final int MAX_PHOTOS = 3;

    private final PublicReports reports;
    private final PublicLimits limits;
    private final CitizenProperties properties;
    private final Regions regions;
    private final ProblemMessages problems;

    PublicPages(PublicReports reports, PublicLimits limits, CitizenProperties properties, Regions regions,
                ProblemMessages problems) {
        this.reports = reports;
        this.limits = limits;
        this.properties = properties;
        this.regions = regions;
        this.problems = problems;
    }

    @GetMapping({"/public", "/public/"})
    String home() {
        return HOME;
    }

    @GetMapping("/public/report")
    String initReportForm(Model model) {
        return form(new ReportForm(), Map.of(), model);
    }

    @PostMapping("/public/report")
    String processReportForm(ReportForm form, @RequestParam(name = "photos", required = false) List<MultipartFile> files,
                             HttpServletRequest request, Model model) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.getWebsite() != null && !form.getWebsite().isEmpty()) { // the honeypot: people never see it
            errors.put("form", problems.text("public.form.refused"));
            return form(form, errors, model);
        }
        try {
            limits.take(PublicLimits.Kind.REPORT, request.getRemoteAddr());
            List<byte[]> photos = photos(files);
            form.check(errors, problems);
            if (!errors.isEmpty()) {
                return form(form, errors, model);
            }
            if (form.mobile() != null) {
                limits.take(PublicLimits.Kind.REPORT_PHONE, form.mobile());
            }
            PublicReports.Submitted done = reports.submit(form.toReport(photos));
            model.addAttribute("done", done);
            return REPORTED;
        } catch (ProblemException.InvalidInput e) {
            errors.put(e.field() == null ? "form" : e.field(), problems.text(e));
        } catch (ProblemException e) {
            errors.put("form", problems.text(e));
        }
        return form(form, errors, model);
    }

    private List<byte[]> photos(List<MultipartFile> files) throws IOException {
        List<byte[]> photos = new ArrayList<>();
        if (files == null) {
            return photos;
        }
        List<MultipartFile> given = files.stream().filter(f -> !f.isEmpty()).toList();
        if (given.size() > MAX_PHOTOS) {
            throw new ProblemException.InvalidInput("photos", "public.photo.tooMany", MAX_PHOTOS);
        }
        for (MultipartFile f : given) {
            if (f.getSize() > 10L * 1024 * 1024) {
                throw new ProblemException.InvalidInput("photos", "public.photo.tooLarge", 10);
            }
            photos.add(f.getBytes());
        }
        return photos;
    }

    private String form(ReportForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("matters", properties.matters());
        Map<Region, List<Region>> places = new LinkedHashMap<>();
        for (Region county : counties()) {
            for (Region town : regions.children(county.code())) {
                places.put(town, regions.children(town.code()).stream()
                        .filter(v -> v.level() == RegionLevel.VILLAGE).toList());
            }
        }
        model.addAttribute("places", places);
        return REPORT;
    }

    /** The counties served: the regions at county level, found from the roots down. */
    private List<Region> counties() {
        List<Region> level = regions.roots();
        for (int depth = 0; depth < 3 && level.stream().anyMatch(r -> r.level().isAbove(RegionLevel.COUNTY)); depth++) {
            level = level.stream().flatMap(r -> r.level() == RegionLevel.COUNTY ? java.util.stream.Stream.of(r)
                    : regions.children(r.code()).stream()).toList();
        }
        return level.stream().filter(r -> r.level() == RegionLevel.COUNTY).toList();
    }
}
