package org.fengqiao.cases.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseAttachments;
import org.fengqiao.cases.CaseCommands.PartyInput;
import org.fengqiao.cases.CaseCommands.RegisterCase;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.Channel;
import org.fengqiao.cases.PartyRole;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * 登记: the intake form for every channel, then the tracking code and a printable receipt (回执) for the
 * citizen.
 */
@Controller
class IntakePages {

    static final String FORM = "cases/new";
    static final String REGISTERED = "cases/registered";
    static final String RECEIPT = "cases/receipt";

    /** The intake form as posted; mirrors {@link RegisterCase}. */
    static class IntakeForm {
        Channel channel = Channel.WALK_IN;
        String sourceRef;
        CaseKind kind = CaseKind.DISPUTE;
        String categoryCode;
        String disputeType;
        String title;
        String description;
        String regionCode;
        String address;
        Double latitude;
        Double longitude;
        Integer peopleInvolved;
        BigDecimal amountInvolved;
        boolean urgent;
        List<PartyForm> parties = new ArrayList<>(List.of(new PartyForm(PartyRole.APPLICANT)));

        RegisterCase toCommand() {
            List<PartyInput> given = parties.stream().filter(p -> p.name != null && !p.name.isBlank())
                    .map(p -> new PartyInput(p.role, p.name.strip(), blank(p.phone), blank(p.idNumber), blank(p.address)))
                    .toList();
            return new RegisterCase(channel, blank(sourceRef), kind, blank(categoryCode),
                    kind == CaseKind.DISPUTE ? blank(disputeType) : null, title, description, blank(address), latitude,
                    longitude, blank(regionCode), peopleInvolved, amountInvolved, urgent, given, null, null);
        }

        // getters and setters for data binding
        public Channel getChannel() { return channel; }
        public void setChannel(Channel v) { channel = v; }
        public String getSourceRef() { return sourceRef; }
        public void setSourceRef(String v) { sourceRef = v; }
        public CaseKind getKind() { return kind; }
        public void setKind(CaseKind v) { kind = v; }
        public String getCategoryCode() { return categoryCode; }
        public void setCategoryCode(String v) { categoryCode = v; }
        public String getDisputeType() { return disputeType; }
        public void setDisputeType(String v) { disputeType = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getRegionCode() { return regionCode; }
        public void setRegionCode(String v) { regionCode = v; }
        public String getAddress() { return address; }
        public void setAddress(String v) { address = v; }
        public Double getLatitude() { return latitude; }
        public void setLatitude(Double v) { latitude = v; }
        public Double getLongitude() { return longitude; }
        public void setLongitude(Double v) { longitude = v; }
        public Integer getPeopleInvolved() { return peopleInvolved; }
        public void setPeopleInvolved(Integer v) { peopleInvolved = v; }
        public BigDecimal getAmountInvolved() { return amountInvolved; }
        public void setAmountInvolved(BigDecimal v) { amountInvolved = v; }
        public boolean isUrgent() { return urgent; }
        public void setUrgent(boolean v) { urgent = v; }
        public List<PartyForm> getParties() { return parties; }
        public void setParties(List<PartyForm> v) { parties = v; }
    }

    /** One party row of the form. */
    static class PartyForm {
        PartyRole role = PartyRole.APPLICANT;
        String name;
        String phone;
        String idNumber;
        String address;

        PartyForm() {
        }

        PartyForm(PartyRole role) {
            this.role = role;
        }

        public PartyRole getRole() { return role; }
        public void setRole(PartyRole v) { role = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String v) { idNumber = v; }
        public String getAddress() { return address; }
        public void setAddress(String v) { address = v; }
    }

    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseAttachments attachments;
    private final PageOptions options;
    private final ProblemMessages problems;
    private final String tiles;
    private final org.springframework.beans.factory.ObjectProvider<org.fengqiao.cases.CitizenAccess> citizenAccess;
    private final org.fengqiao.organisation.Units units;

    IntakePages(org.fengqiao.organisation.Units units, CaseService cases, CaseQueries queries,
                CaseAttachments attachments, PageOptions options, ProblemMessages problems,
                @Value("${fengqiao.map.tile-url:}") String tiles,
                org.springframework.beans.factory.ObjectProvider<org.fengqiao.cases.CitizenAccess> citizenAccess) {
        this.citizenAccess = citizenAccess;
        this.units = units;
        this.cases = cases;
        this.queries = queries;
        this.attachments = attachments;
        this.options = options;
        this.problems = problems;
        this.tiles = tiles;
    }

    @GetMapping("/cases/new")
    String initCreateForm(@AuthenticationPrincipal Actor actor, Model model) {
        IntakeForm form = new IntakeForm();
        if (actor.unit().regionCode().level().ordinal() >= org.fengqiao.regions.RegionLevel.VILLAGE.ordinal()) {
            form.regionCode = actor.unit().regionCode().value();
        }
        if (actor.has(org.fengqiao.organisation.Role.GRID_WORKER)) {
            form.channel = Channel.GRID_PATROL;
        }
        return form(actor, form, model);
    }

    @PostMapping("/cases/new")
    String processCreateForm(@AuthenticationPrincipal Actor actor, @ModelAttribute("form") IntakeForm form,
                             BindingResult binding, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                             Model model, RedirectAttributes redirect) throws IOException {
        if (binding.hasErrors()) {
            model.addAttribute("error", problems.text("intake.badValues",
                    String.join("、", binding.getFieldErrors().stream().map(e -> e.getField()).toList())));
            return form(actor, form, model);
        }
        RegisterCase command = form.toCommand();
        checkEverything(command, binding);
        if (binding.hasErrors()) {
            model.addAttribute("error", problems.text("intake.errors", binding.getErrorCount(),
                    String.join(problems.text("list.separator"), binding.getFieldErrors().stream()
                            .map(e -> fieldLabel(e.getField())).distinct().toList())));
            return form(actor, form, model);
        }
        CaseService.Registration registration;
        try {
            registration = cases.register(actor, problems.validate(command));
        } catch (ProblemMessages.Invalid e) {
            org.fengqiao.platform.FormErrors.reject(binding, problems, e);
            model.addAttribute("error", problems.text("problem.fieldInvalid", fieldLabel(e.field()), e.text()));
            model.addAttribute("errorField", e.field());
            return form(actor, form, model);
        } catch (ProblemException e) {
            model.addAttribute("error", problems.text(e));
            org.fengqiao.platform.FormErrors.reject(binding, problems, e);
            if (e instanceof ProblemException.InvalidInput invalid) {
                model.addAttribute("errorField", invalid.field());
            }
            return form(actor, form, model);
        }
        List<String> failed = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (file.isEmpty()) {
                    continue;
                }
                try {
                    attachments.store(actor, registration.id(), file.getOriginalFilename(), file.getBytes());
                } catch (ProblemException e) {
                    failed.add(file.getOriginalFilename() + "：" + problems.text(e));
                }
            }
        }
        if (!failed.isEmpty()) {
            redirect.addFlashAttribute("error", String.join("；", failed));
        }
        return "redirect:/cases/" + registration.id() + "/registered";
    }

    @GetMapping("/cases/{id}/registered")
    String registered(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("nav", "intake");
        model.addAttribute("c", queries.get(actor, id));
        return REGISTERED;
    }

    @GetMapping("/cases/{id}/receipt")
    String receipt(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        org.fengqiao.cases.CaseViews.CaseView c = queries.get(actor, id);
        model.addAttribute("c", c);
        // each printed receipt carries a fresh access key for the citizen (the public side issues it)
        citizenAccess.ifAvailable(a -> model.addAttribute("access", a.issue(id)));
        // the applicant as the case page shows them (masked), and the registering centre's number to call
        model.addAttribute("applicant", c.parties().stream().filter(p -> p.role() == PartyRole.APPLICANT).findFirst()
                .orElse(null));
        model.addAttribute("centrePhone", c.intake().registeringUnit() == null ? null
                : units.phoneOf(c.intake().registeringUnit().id()).orElse(null));
        return RECEIPT;
    }

    private String form(Actor actor, IntakeForm form, Model model) {
        model.addAttribute("nav", "intake");
        model.addAttribute("form", form);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("roles", PartyRole.values());
        model.addAttribute("disputeTypes", options.disputeTypes());
        model.addAttribute("categoryTree", options.categoryTree());
        model.addAttribute("regions", options.regionsOf(actor));
        model.addAttribute("tiles", tiles);
        model.addAttribute("mapArea", actor.unit().regionCode().value());
        return FORM;
    }

    /**
     * Every error the form can be told about before registering, all at once, each beside its field: the
     * constraints, ID numbers' check characters and a missing place. (What needs the regions — a point outside the
     * chosen village — is found by the registration itself.)
     */
    private void checkEverything(RegisterCase command, BindingResult binding) {
        for (ProblemMessages.Invalid v : problems.violations(command)) {
            org.fengqiao.platform.FormErrors.reject(binding, problems, v);
        }
        List<PartyInput> parties = command.parties() == null ? List.of() : command.parties();
        for (int i = 0; i < parties.size(); i++) {
            String id = parties.get(i).idNumber();
            if (org.fengqiao.platform.IdNumbers.looksLikeResidentId(id) && !org.fengqiao.platform.IdNumbers.isValidResidentId(id)
                    && !binding.hasFieldErrors("parties[" + i + "].idNumber")) {
                binding.rejectValue("parties[" + i + "].idNumber", "invalid", problems.text("party.idNumber.checksum"));
            }
        }
        if (command.regionCode() == null && command.latitude() == null && !binding.hasFieldErrors("regionCode")) {
            binding.rejectValue("regionCode", "invalid", problems.text("case.regionRequired"));
        }
    }

    private String fieldLabel(String field) {
        return problems.text("field." + field.replaceAll("\\[\\d+]", ""));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
