package org.fengqiao.categories.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.categories.DisputeType;
import org.fengqiao.platform.ProblemException;

/**
 * The request taxonomy and dispute types.
 */
@RestController
@RequestMapping("/api")
class CategoryApi {

    private final Categories categories;

    CategoryApi(Categories categories) {
        this.categories = categories;
    }

    @GetMapping("/categories")
    List<Category> list(@RequestParam(required = false) String parent, @RequestParam(required = false) String q) {
        if (q != null) {
            return categories.search(q, 50);
        }
        return parent == null ? categories.list() : categories.children(parent);
    }

    @GetMapping("/dispute-types")
    List<DisputeType> disputeTypes() {
        return categories.disputeTypes();
    }

    @PostMapping(path = "/categories/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    Categories.ImportReport importTaxonomy(@RequestPart("file") MultipartFile file)
            throws IOException {
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return categories.importTaxonomy(reader);
        } catch (IOException e) {
            throw new ProblemException.InvalidInput("file", "category.badFile", e.getMessage());
        }
    }
}
