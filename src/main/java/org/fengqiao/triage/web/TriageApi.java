package org.fengqiao.triage.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.fengqiao.access.Actor;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.triage.CategorySuggestion;
import org.fengqiao.triage.ModelInfo;
import org.fengqiao.triage.TriageAdvisor;
import org.fengqiao.triage.TriageTraining;

/**
 * The category classifier behind intake: suggestions for a text, the model in use, training it on the
 * deployment's cases and uploading one trained on files.
 */
@RestController
@RequestMapping("/api/triage")
class TriageApi {

    /** Models larger than this are refused (a model trained on 10,000 messages is about 10 MB). */
    static final long MAX_MODEL_BYTES = 60L * 1024 * 1024;

    record SuggestionRequest(@Size(max = 200) String title, @NotBlank @Size(max = 20_000) String description) {
    }

    /**
     * @param suggestion  the best categories, or null when no model can suggest one
     * @param autoApplies a case registered with this text would be categorised and routed without a person
     */
    record SuggestionResponse(CategorySuggestion suggestion, boolean autoApplies, double threshold) {
    }

    record ModelStatus(ModelInfo model, double threshold) {
    }

    record TrainingResult(boolean trained, String message, ModelInfo model, int cases, int corrections,
                          double seconds) {
    }

    private final TriageAdvisor advisor;
    private final TriageTraining training;
    private final ProblemMessages messages;

    TriageApi(TriageAdvisor advisor, TriageTraining training, ProblemMessages messages) {
        this.advisor = advisor;
        this.training = training;
        this.messages = messages;
    }

    @PostMapping("/suggestions")
    SuggestionResponse suggest(@Valid @RequestBody SuggestionRequest body) {
        Optional<CategorySuggestion> s = advisor.suggest(body.title(), body.description());
        return new SuggestionResponse(s.orElse(null), s.filter(advisor::autoApplies).isPresent(), advisor.threshold());
    }

    @GetMapping("/model")
    ModelStatus model() {
        return new ModelStatus(advisor.model().orElse(null), advisor.threshold());
    }

    @PostMapping("/model/training")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    TrainingResult train(@AuthenticationPrincipal Actor actor) {
        TriageTraining.Report r = training.trainOnCases(actor.username());
        return new TrainingResult(r.trained(), r.trained() ? null
                : messages.text(r.reason(), r.reasonArgs().toArray()), r.model(), r.cases(), r.corrections(),
                r.seconds());
    }

    @PutMapping(path = "/model", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ModelInfo upload(@AuthenticationPrincipal Actor actor, @RequestPart("model") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new ProblemException.InvalidInput("model", "triage.modelEmpty");
        }
        if (file.getSize() > MAX_MODEL_BYTES) {
            throw new ProblemException.InvalidInput("model", "triage.modelTooLarge", MAX_MODEL_BYTES / 1024 / 1024);
        }
        try (InputStream in = file.getInputStream()) {
            return training.upload(in, actor.username());
        }
    }
}
