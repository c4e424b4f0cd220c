package org.fengqiao.notifications.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.Actor;
import org.fengqiao.notifications.NotificationKind;
import org.fengqiao.notifications.StaffInbox;
import org.fengqiao.notifications.StaffPreferences;
import org.fengqiao.notifications.Texts;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * A staff user's messages: the bell's unread count (an htmx fragment the top bar loads), the message list with
 * "mark read", and the choice of which messages also come by SMS or e-mail.
 */
@Controller
class NotificationPages {

    static final String LIST = "notifications/list";
    static final String BELL = "notifications/bell :: bell";
    static final String PREFERENCES = "notifications/preferences";
    static final int PAGE_SIZE = 30;

    /** A message as the list shows it, in the reader's language. */
    record Line(long id, String kind, String text, Long caseId, java.time.Instant at, boolean unread) {
    }

    private final StaffInbox inbox;
    private final StaffPreferences preferences;
    private final Texts texts;
    private final ProblemMessages problems;
    private final boolean mailAvailable;

    NotificationPages(StaffInbox inbox, StaffPreferences preferences, Texts texts, ProblemMessages problems,
                      org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> mail) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.texts = texts;
        this.problems = problems;
        this.mailAvailable = mail.getIfAvailable() != null;
    }

    @GetMapping("/notifications/bell")
    String bell(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("unread", inbox.unreadCount(actor.userId()));
        return BELL;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "false") boolean unread,
                @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        int p = Math.max(0, Math.min(page, 1_000));
        List<Line> lines = new ArrayList<>();
        for (StaffInbox.Message m : inbox.list(actor.userId(), unread, p * PAGE_SIZE, PAGE_SIZE + 1)) {
            lines.add(new Line(m.id(), m.kind().name(), texts.text(m.kind(), m.params(), locale), m.caseId(),
                    m.createdAt(), m.unread()));
        }
        model.addAttribute("nav", "notifications");
        model.addAttribute("more", lines.size() > PAGE_SIZE);
        model.addAttribute("messages", lines.size() > PAGE_SIZE ? lines.subList(0, PAGE_SIZE) : lines);
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("page", p);
        model.addAttribute("unread", inbox.unreadCount(actor.userId()));
        return LIST;
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                    @RequestParam(required = false) Long caseId) {
        if (!inbox.markRead(actor.userId(), id)) {
            throw new ProblemException.NotFound("notify.message.notFound", id);
        }
        return caseId != null ? "redirect:/cases/" + caseId : "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
        int n = inbox.markAllRead(actor.userId());
        redirect.addFlashAttribute("success", problems.text("notify.markedRead", n));
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/preferences")
    String initPreferencesForm(@AuthenticationPrincipal Actor actor, Model model) {
        StaffPreferences.Preferences p = preferences.of(actor.userId());
        return preferencesForm(model, p.phone(), p.email(), p.smsKinds(), p.emailKinds(), null, null);
    }

    @PostMapping("/notifications/preferences")
    String processPreferencesForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String phone,
                                  @RequestParam(required = false) String email,
                                  @RequestParam(name = "sms", required = false) List<String> sms,
                                  @RequestParam(name = "mail", required = false) List<String> mail,
                                  Model model, RedirectAttributes redirect) {
        Set<NotificationKind> smsKinds;
        Set<NotificationKind> mailKinds;
        try {
            smsKinds = kinds(sms, "sms");
            mailKinds = mailAvailable ? kinds(mail, "mail") : Set.of();
            preferences.save(actor.userId(), new StaffPreferences.Preferences(phone, email, smsKinds, mailKinds));
        } catch (ProblemException.InvalidInput e) {
            return preferencesForm(model, phone, email, safeKinds(sms), safeKinds(mail), e.field(), problems.text(e));
        }
        redirect.addFlashAttribute("success", problems.text("notify.preferences.saved"));
        return "redirect:/notifications/preferences";
    }

    private String preferencesForm(Model model, String phone, String email, Set<NotificationKind> sms,
                                   Set<NotificationKind> mail, String errorField, String error) {
        model.addAttribute("nav", "notifications");
        model.addAttribute("kinds", NotificationKind.forStaff());
        model.addAttribute("phone", phone);
        model.addAttribute("email", email);
        model.addAttribute("sms", sms);
        model.addAttribute("mail", mail);
        model.addAttribute("mailAvailable", mailAvailable);
        model.addAttribute("errorField", errorField);
        model.addAttribute("fieldError", error);
        return PREFERENCES;
    }

    private static Set<NotificationKind> kinds(List<String> names, String field) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                kinds.add(NotificationKind.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new ProblemException.InvalidInput(field, "notify.preferences.kind.invalid");
            }
        }
        return kinds;
    }

    private static Set<NotificationKind> safeKinds(List<String> names) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        if (names != null) {
            NotificationKind.forStaff().stream().filter(k -> names.contains(k.name())).forEach(kinds::add);
        }
        return kinds;
    }
}
