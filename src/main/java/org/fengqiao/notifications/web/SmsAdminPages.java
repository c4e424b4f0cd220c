package org.fengqiao.notifications.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.fengqiao.notifications.NotificationKind;
import org.fengqiao.notifications.OutboxStatus;
import org.fengqiao.notifications.RecordingSmsGateway;
import org.fengqiao.notifications.SmsGateway;

/**
 * {@code /admin/sms}, administrators only: what the recording SMS gateway received (numbers masked, access keys
 * hidden), and the outbox's state with the messages that failed.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SmsAdminPages {

    static final String SMS = "admin/sms";
    static final int SHOWN = 200;

    /** A received SMS as the page shows it. */
    record Line(long id, String phone, String templateId, Map<String, String> params, String text,
                java.time.Instant receivedAt) {
    }

    private final SmsGateway gateway;
    private final OutboxStatus outbox;

    SmsAdminPages(SmsGateway gateway, OutboxStatus outbox) {
        this.gateway = gateway;
        this.outbox = outbox;
    }

    @GetMapping("/admin/sms")
    String sms(Model model) {
        boolean recording = gateway instanceof RecordingSmsGateway;
        model.addAttribute("nav", "admin");
        model.addAttribute("recording", recording);
        List<Line> lines = !(gateway instanceof RecordingSmsGateway r) ? List.of()
                : r.recent(SHOWN).stream().map(SmsAdminPages::line).toList();
        model.addAttribute("messages", lines);
        model.addAttribute("received", recording ? ((RecordingSmsGateway) gateway).count() : 0L);
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("failed", outbox.failed(50));
        return SMS;
    }

    private static Line line(RecordingSmsGateway.Recorded r) {
        Map<String, String> params = new LinkedHashMap<>();
        r.params().forEach((k, v) -> params.put(k, NotificationKind.isSecret(k) ? "******" : v));
        String text = r.text();
        for (Map.Entry<String, String> e : r.params().entrySet()) {
            if (NotificationKind.isSecret(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
                text = text.replace(e.getValue(), "******");
            }
        }
        return new Line(r.id(), r.phone() /* kept masked by the gateway */, r.templateId(), params, text, r.receivedAt());
    }
}
