package org.fengqiao.ledger.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseListQuery;
import org.fengqiao.ledger.CaseImport;
import org.fengqiao.ledger.ImportTemplate;
import org.fengqiao.ledger.LedgerExport;
import org.fengqiao.ledger.LedgerJob;
import org.fengqiao.ledger.LedgerJobs;
import org.fengqiao.ledger.LedgerProperties;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * The ledger in Excel: exporting the case list (台账) and importing work orders, both as background jobs the
 * page polls (htmx, every 500 ms) until the file or the report is ready. Without htmx the export streams the
 * file at once and an import redirects to a job page that refreshes itself.
 */
@Controller
class LedgerPages {

    static final String IMPORT = "ledger/import";
    static final String JOB_PAGE = "ledger/job";
    static final String JOB = "ledger/job :: job";
    static final String REFUSED = "ledger/job :: refused";

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LedgerExport exports;
    private final CaseImport imports;
    private final ImportTemplate template;
    private final LedgerJobs jobs;
    private final LedgerProperties properties;
    private final ProblemMessages problems;

    LedgerPages(LedgerExport exports, CaseImport imports, ImportTemplate template, LedgerJobs jobs,
                LedgerProperties properties, ProblemMessages problems) {
        this.exports = exports;
        this.imports = imports;
        this.template = template;
        this.jobs = jobs;
        this.properties = properties;
        this.problems = problems;
    }

    // ---- export ----------------------------------------------------------------------------------------------

    @PostMapping(path = "/cases/export", headers = "HX-Request")
    String startExport(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String query,
                       Model model) {
        try {
            return job(exports.start(actor, request(query)), model);
        } catch (ProblemException e) {
            model.addAttribute("error", problems.text(e));
            return REFUSED;
        }
    }

    /** Without htmx the browser waits for the file. */
    @PostMapping("/cases/export")
    ResponseEntity<Resource> export(@AuthenticationPrincipal Actor actor,
                                    @RequestParam(defaultValue = "") String query) throws IOException {
        LedgerExport.Result result = exports.export(actor, request(query));
        // the file goes away once sent
        InputStream in = Files.newInputStream(result.file(), StandardOpenOption.DELETE_ON_CLOSE);
        return file(result.fileName(), new InputStreamResource(in));
    }

    private static LedgerExport.Request request(String query) {
        CaseListQuery q = CaseListQuery.parse(query);
        return new LedgerExport.Request(q.filter(), q.sort(), query.strip());
    }

    // ---- jobs ------------------------------------------------------------------------------------------------

    @GetMapping(path = "/jobs/{id}", headers = "HX-Request")
    String jobFragment(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        return job(find(actor, id), model);
    }

    @GetMapping("/jobs/{id}")
    String jobPage(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        job(find(actor, id), model);
        model.addAttribute("nav", "cases");
        return JOB_PAGE;
    }

    /** Any instance serves the file: it is kept with the job in the database. */
    @GetMapping("/jobs/{id}/download")
    ResponseEntity<Resource> download(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        LedgerJobs.Download file = jobs.download(actor.userId(), id)
                .orElseThrow(() -> new ProblemException.NotFound("ledger.job.notFound"));
        return file(file.fileName(), new ByteArrayResource(file.content()));
    }

    private LedgerJob.Snapshot find(Actor actor, String id) {
        return jobs.find(actor.userId(), id).orElseThrow(() -> new ProblemException.NotFound("ledger.job.notFound"));
    }

    private String job(LedgerJob job, Model model) {
        return job(job.snapshot(), model);
    }

    private String job(LedgerJob.Snapshot snapshot, Model model) {
        model.addAttribute("job", snapshot);
        model.addAttribute("lifetimeMinutes", properties.jobLifetime().toMinutes());
        if (snapshot.isFailed()) {
            model.addAttribute("failure", problems.text(snapshot.failureKey(), snapshot.failureArgs()));
        }
        return JOB;
    }

    // ---- import ----------------------------------------------------------------------------------------------

    @GetMapping("/cases/import")
    @PreAuthorize("hasAnyRole('INTAKE','DISPATCHER')")
    String initImportForm(Model model) {
        model.addAttribute("nav", "cases");
        model.addAttribute("maxRows", properties.maxImportRows());
        model.addAttribute("maxMegabytes", properties.maxImportSize().toMegabytes());
        return IMPORT;
    }

    @PostMapping(path = "/cases/import", headers = "HX-Request")
    @PreAuthorize("hasAnyRole('INTAKE','DISPATCHER')")
    String startImport(@AuthenticationPrincipal Actor actor,
                       @RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        try {
            return job(startImport(actor, file), model);
        } catch (ProblemException e) {
            model.addAttribute("error", problems.text(e));
            return REFUSED;
        }
    }

    @PostMapping("/cases/import")
    @PreAuthorize("hasAnyRole('INTAKE','DISPATCHER')")
    String processImportForm(@AuthenticationPrincipal Actor actor,
                             @RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        try {
            return "redirect:/jobs/" + startImport(actor, file).id();
        } catch (ProblemException e) {
            model.addAttribute("error", problems.text(e));
            return initImportForm(model);
        }
    }

    private LedgerJob startImport(Actor actor, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ProblemException.InvalidInput("file", "ledger.import.empty");
        }
        if (file.getSize() > properties.maxImportSize().toBytes()) {
            throw new ProblemException.InvalidInput("file", "ledger.import.tooLarge",
                    Long.toString(properties.maxImportSize().toMegabytes()));
        }
        return imports.start(actor, imports.read(file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/cases/import/template.xlsx")
    @PreAuthorize("hasAnyRole('INTAKE','DISPATCHER')")
    ResponseEntity<byte[]> importTemplate(@AuthenticationPrincipal Actor actor) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(template.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(template.write(actor));
    }

    private static ResponseEntity<Resource> file(String name, Resource body) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
