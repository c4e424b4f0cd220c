package org.fengqiao.laws.web;

import java.io.IOException;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.Actor;
import org.fengqiao.laws.LawLibrary;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/** 智库 administration: the laws in the library and the upload of law files (all or none). */
@Controller
@RequestMapping("/admin/laws")
class LawAdminPages {

    static final String LIST = "admin/laws";

    private final LawLibrary library;
    private final LawUploads uploads;
    private final ProblemMessages problems;

    LawAdminPages(LawLibrary library, LawUploads uploads, ProblemMessages problems) {
        this.library = library;
        this.uploads = uploads;
        this.problems = problems;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("laws", library.laws());
        model.addAttribute("nav", "admin");
        return LIST;
    }

    @PostMapping("/import")
    String processImportForm(@AuthenticationPrincipal Actor actor,
                             @RequestParam(name = "files", required = false) List<MultipartFile> files,
                             RedirectAttributes redirect) throws IOException {
        try {
            LawLibrary.ImportReport report = uploads.importFiles(files, actor);
            redirect.addFlashAttribute("success", problems.text("laws.import.done",
                    Integer.toString(report.imported().size()), Integer.toString(report.replaced())));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
        }
        return "redirect:/admin/laws";
    }
}
