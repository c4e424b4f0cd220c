package org.fengqiao.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;
import org.fengqiao.support.TestClock;

/**
 * E-mail goes out through a real SMTP server (GreenMail, in this JVM): to the address a staff user chose, for the
 * kinds they chose, once — and a mail server that is down is retried like any gateway.
 */
@IntegrationTest
class MailDeliveryTest {

    @Autowired
    Notifications notifications;
    @Autowired
    StaffPreferences preferences;
    @Autowired
    OutboxWorker worker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager txm;
    @Autowired
    Texts texts;
    @Autowired
    NotificationProperties properties;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestClock clock;
    @Autowired
    org.fengqiao.cases.CaseContacts contacts;
    @Autowired
    Pages pages;

    GreenMail smtp;
    OutboxWorker mailWorker;
    long userId;

    @BeforeEach
    void setUp() {
        clock.reset();
        worker.drain();
        startSmtp();
        userId = pages.actor("fq.labour").userId();
        preferences.save(userId, new StaffPreferences.Preferences(null, "labour@fengqiao.example",
                Set.of(), EnumSet.of(NotificationKind.SUPERVISION)));
    }

    private void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        mailWorker = new OutboxWorker(jdbc, txm, sms -> { }, sender, texts, properties, json, clock, contacts);
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
        preferences.save(userId, new StaffPreferences.Preferences(null, null, Set.of(), Set.of()));
    }

    private void send(String key, NotificationKind kind) {
        new TransactionTemplate(txm).executeWithoutResult(s -> notifications.send(new Notification(key, kind,
                new Notification.Recipient.Staff(userId), Map.of("code", "330681-20261120-000042-7",
                "due", "2026-11-23"), null, false)));
    }

    @Test
    void aChosenKindArrivesByEmailOnceAndOthersOnlyInTheApp() throws Exception {
        String key = "test-mail-" + System.nanoTime();
        send(key, NotificationKind.SUPERVISION);
        send(key + "-other", NotificationKind.NEW_CASE);
        assertThat(mailWorker.drain()).isEqualTo(1);
        assertThat(mailWorker.drain()).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("labour@fengqiao.example");
        assertThat(received[0].getSubject()).isEqualTo("【枫桥】督办通知 330681-20261120-000042-7");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(jdbc.sql("select count(*) from notification_inbox where idempotency_key like ?")
                .param(key + "%").query(Long.class).single()).as("both in the app").isEqualTo(2);
    }

    @Test
    void aMailServerThatIsDownIsRetriedLater() {
        String key = "test-mail-down-" + System.nanoTime();
        smtp.stop();
        send(key, NotificationKind.SUPERVISION);
        assertThat(mailWorker.drain()).isZero();
        OutboxRows.Row row = new OutboxRows(jdbc).withKeyPrefix(key).getFirst();
        assertThat(row.channel()).isEqualTo("EMAIL");
        assertThat(row.status()).isEqualTo("PENDING");
        assertThat(row.attempts()).isEqualTo(1);

        startSmtp();
        clock.advance(properties.delivery().firstRetry());
        assertThat(mailWorker.drain()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }
}
