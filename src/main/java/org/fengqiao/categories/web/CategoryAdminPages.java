package org.fengqiao.categories.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * 诉求分类: the three-level request taxonomy as a tree, the dispute types, and importing a taxonomy file (TSV)
 * with a report of what was added, what was already there and which lines were refused.
 */
@Controller
@RequestMapping("/admin/categories")
class CategoryAdminPages {

    static final String TREE = "admin/categories";
    static final long MAX_FILE_BYTES = 1024 * 1024;

    /** A category with its children. */
    record Node(Category category, List<Node> children) {
        public int leaves() {
            return children.isEmpty() ? (category.level() == 3 ? 1 : 0)
                    : children.stream().mapToInt(Node::leaves).sum();
        }
    }

    private final Categories categories;
    private final ProblemMessages problems;

    CategoryAdminPages(Categories categories, ProblemMessages problems) {
        this.categories = categories;
        this.problems = problems;
    }

    @GetMapping
    String tree(Model model) {
        List<Node> roots = new ArrayList<>();
        for (Category top : categories.children(null)) {
            List<Node> middle = new ArrayList<>();
            for (Category mid : categories.children(top.code())) {
                middle.add(new Node(mid, categories.children(mid.code()).stream().map(l -> new Node(l, List.of())).toList()));
            }
            roots.add(new Node(top, middle));
        }
        model.addAttribute("tree", roots);
        model.addAttribute("leafCount", roots.stream().mapToInt(Node::leaves).sum());
        model.addAttribute("disputeTypes", categories.disputeTypes());
        model.addAttribute("nav", "admin");
        return TREE;
    }

    @PostMapping("/import")
    String processImportForm(@RequestParam(name = "file", required = false) MultipartFile file,
                             RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new ProblemException.InvalidInput("file", "category.import.empty");
            }
            if (file.getSize() > MAX_FILE_BYTES) {
                throw new ProblemException.InvalidInput("file", "category.import.tooLarge");
            }
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            Categories.ImportReport report;
            try (var reader = new InputStreamReader(file.getInputStream(), decoder)) {
                report = categories.importTaxonomy(reader);
            } catch (CharacterCodingException e) {
                throw new ProblemException.InvalidInput("file", "category.import.notUtf8");
            }
            redirect.addFlashAttribute("report", report);
            redirect.addFlashAttribute("success", problems.text("category.import.done",
                    Integer.toString(report.added()), Integer.toString(report.unchanged()),
                    Integer.toString(report.problems().size())));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
        }
        return "redirect:/admin/categories";
    }
}
