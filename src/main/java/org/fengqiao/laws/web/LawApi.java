package org.fengqiao.laws.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.fengqiao.access.Actor;
import org.fengqiao.laws.LawLibrary;
import org.fengqiao.laws.LawSearch;
import org.fengqiao.laws.LawSuggestions;

/** 智库: article search, suggestions for a dispute or a case, the list of laws and their import. */
@RestController
class LawApi {

    /** An article found by a search. */
    record Article(String law, String lawTitle, String article, int number, LocalDate versionDate, String chapter,
                   String text, double score) {
        static Article of(LawSearch.Hit h) {
            return new Article(h.shortTitle(), h.lawTitle(), h.label(), h.number(), h.versionDate(), h.chapter(),
                    h.text(), h.score());
        }
    }

    record Found(List<Article> articles) {
    }

    record SuggestionRequest(String text, String disputeType, Integer limit) {
    }

    record Suggested(List<LawSuggestions.SuggestedArticle> articles) {
    }

    record Library(List<LawLibrary.LawSummary> laws) {
    }

    private final LawLibrary library;
    private final LawSuggestions suggestions;
    private final LawUploads uploads;

    LawApi(LawLibrary library, LawSuggestions suggestions, LawUploads uploads) {
        this.library = library;
        this.suggestions = suggestions;
        this.uploads = uploads;
    }

    /** Articles matching a query of at most 200 characters, best first. */
    @GetMapping("/api/laws")
    Found search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "10") int limit) {
        return new Found(library.search(q, limit).stream().map(Article::of).toList());
    }

    /** The articles most relevant to a dispute's text and (optional) type, each with why. */
    @PostMapping("/api/laws/suggestions")
    Suggested suggest(@RequestBody SuggestionRequest body) {
        return new Suggested(suggestions.suggest(body.text(), body.disputeType(),
                body.limit() == null ? LawSuggestions.DEFAULT_LIMIT : body.limit()));
    }

    /** The articles most relevant to a case (404 when the case is not the caller's to see). */
    @GetMapping("/api/cases/{id}/laws")
    Suggested forCase(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                      @RequestParam(defaultValue = "5") int limit) {
        return new Suggested(suggestions.forCase(actor, id, limit));
    }

    /** The laws in the library with their version dates. */
    @GetMapping("/api/laws/library")
    Library laws() {
        return new Library(library.laws());
    }

    /** Imports law files (Markdown), all or none; each replaces its law's earlier version. */
    @PostMapping(path = "/api/laws/library", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    LawLibrary.ImportReport importLaws(@AuthenticationPrincipal Actor actor,
                                       @RequestPart(name = "files", required = false) List<MultipartFile> files)
            throws IOException {
        return uploads.importFiles(files, actor);
    }
}
