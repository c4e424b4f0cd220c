package org.fengqiao.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * The bell counts a user's unread messages, the list shows them in the reader's language and marks them read,
 * the settings page takes a mobile number and the kinds to receive by SMS (and refuses a bad number next to the
 * field), and {@code /admin/sms} is for administrators, with numbers masked and access keys hidden.
 */
@IntegrationTest
class NotificationPagesTest {

    @Autowired
    Pages pages;
    @Autowired
    Notifications notifications;
    @Autowired
    StaffInbox inbox;
    @Autowired
    StaffPreferences preferences;
    @Autowired
    OutboxWorker worker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager txm;

    private String html(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse getPage(String path, String user) throws Exception {
        return pages.mvc.perform(get(path).with(pages.as(user))).andReturn().getResponse();
    }

    private void message(String user, String key) {
        long userId = pages.actor(user).userId();
        new TransactionTemplate(txm).executeWithoutResult(s -> notifications.send(new Notification(key,
                NotificationKind.SUPERVISION, new Notification.Recipient.Staff(userId),
                Map.of("code", "330681-20261120-000077-3", "due", "2026-11-25"), null, false)));
    }

    @BeforeEach
    void readEverything() {
        inbox.markAllRead(pages.actor("fq.labour").userId());
    }

    @Test
    void theBellCountsUnreadMessagesAndMarkingOneReadLowersIt() throws Exception {
        long userId = pages.actor("fq.labour").userId();
        assertThat(html(getPage("/notifications/bell", "fq.labour"))).doesNotContain("fq-bell-count")
                .contains("0 条未读消息");
        message("fq.labour", "test-bell-1-" + System.nanoTime());
        message("fq.labour", "test-bell-2-" + System.nanoTime());
        assertThat(html(getPage("/notifications/bell", "fq.labour"))).contains(">2<").contains("2 条未读消息");

        String list = html(getPage("/notifications", "fq.labour"));
        assertThat(list).contains("案件330681-20261120-000077-3收到督办通知，请于2026-11-25前反馈办理情况").contains("督办通知");
        long id = inbox.list(userId, true, 0, 1).getFirst().id();
        assertThat(pages.mvc.perform(post("/notifications/" + id + "/read").with(pages.as("fq.labour")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/notifications");
        assertThat(inbox.unreadCount(userId)).isEqualTo(1);
        // someone else's message cannot be marked read
        assertThat(pages.mvc.perform(post("/notifications/" + id + "/read").with(pages.as("fq.police")).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        pages.mvc.perform(post("/notifications/read-all").with(pages.as("fq.labour")).with(csrf()));
        assertThat(inbox.unreadCount(userId)).isZero();
    }

    @Test
    void theMessageListSpeaksEnglishToAnEnglishUser() throws Exception {
        message("fq.labour", "test-english-" + System.nanoTime());
        String list = html(pages.mvc.perform(get("/notifications").param("lang", "en").with(pages.as("fq.labour")))
                .andReturn().getResponse());
        assertThat(list).contains("Case 330681-20261120-000077-3 is under supervision; report on it by 2026-11-25.")
                .contains("My messages");
    }

    @Test
    void everyPageHasTheBellInTheTopBar() throws Exception {
        assertThat(html(getPage("/workbench", "fq.labour"))).contains("id=\"bell\"")
                .contains("hx-get=\"/notifications/bell\"");
    }

    @Test
    void theSettingsPageSavesTheSmsChoiceAndRefusesABadNumberByTheField() throws Exception {
        long userId = pages.actor("fq.police").userId();
        MockHttpServletResponse bad = pages.mvc.perform(post("/notifications/preferences").with(pages.as("fq.police"))
                .with(csrf()).param("phone", "12345").param("sms", "NEW_CASE")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(html(bad)).containsPattern(Pages.invalid("phone", "手机号应为 11 位数字"));
        assertThat(preferences.of(userId).smsKinds()).isEmpty();

        MockHttpServletResponse ok = pages.mvc.perform(post("/notifications/preferences").with(pages.as("fq.police"))
                .with(csrf()).param("phone", "138 0000 9999").param("sms", "NEW_CASE", "SUPERVISION"))
                .andReturn().getResponse();
        assertThat(ok.getRedirectedUrl()).isEqualTo("/notifications/preferences");
        StaffPreferences.Preferences saved = preferences.of(userId);
        assertThat(saved.phone()).isEqualTo("13800009999");
        assertThat(saved.smsKinds()).containsExactlyInAnyOrder(NotificationKind.NEW_CASE, NotificationKind.SUPERVISION);
        assertThat(html(getPage("/notifications/preferences", "fq.police"))).contains("value=\"13800009999\"")
                .containsPattern("(?s)id=\"sms-NEW_CASE\"[^>]*checked");

        MockHttpServletResponse forged = pages.mvc.perform(post("/notifications/preferences")
                .with(pages.as("fq.police")).with(csrf()).param("phone", "13800009999")
                .param("sms", "CITIZEN_REGISTERED")).andReturn().getResponse();
        assertThat(html(forged)).contains("只能选择列表中的消息类型");
        preferences.save(userId, new StaffPreferences.Preferences(null, null, Set.of(), Set.of()));
    }

    @Test
    void theSmsOutboxPageIsForAdministratorsWithNumbersMaskedAndKeysHidden() throws Exception {
        String key = "test-admin-sms-" + System.nanoTime();
        new TransactionTemplate(txm).executeWithoutResult(s -> notifications.send(new Notification(key,
                NotificationKind.CITIZEN_REGISTERED, new Notification.Recipient.Citizen("13312345678"),
                Map.of("code", "330681-20261120-000088-1", "trackingUrl", "https://fq.example/public/track",
                        "accessKey", "SECRET-KEY-42"), null, false)));
        worker.drain();
        assertThat(getPage("/admin/sms", "fq.dispatcher").getStatus()).isEqualTo(403);
        String page = html(getPage("/admin/sms", "admin"));
        assertThat(page).contains("133****5678").contains("330681-20261120-000088-1").contains("短信")
                .doesNotContain("13312345678").doesNotContain("SECRET-KEY-42");
    }
}
