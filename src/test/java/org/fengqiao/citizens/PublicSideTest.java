package org.fengqiao.citizens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import org.fengqiao.support.Api;
import org.fengqiao.support.Cases;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * The citizen's door over its own security chain: reporting (anonymous or not, photos cleaned), refusals with
 * nothing written, the access key and the one-time code, the public view that never shows staff names or anyone's
 * personal data, rate limits, and the citizen's own rating within its window.
 */
@IntegrationTest
class PublicSideTest {

    private static final Pattern CODE = Pattern.compile("id=\"tracking-code\">([^<]+)<");
    private static final Pattern KEY = Pattern.compile("id=\"access-key\">([^<]+)<");
    private static int address = 1;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicLimits limits;
    @Autowired
    TestClock clock;
    @Autowired
    EvaluationWindows windows;
    @LocalServerPort
    int port;

    Api api;
    String ip;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock.reset();
        limits.reset();
        ip = "198.51.100." + (address++ % 250);
    }

    record Reported(long id, String code, String key, String html) {
    }

    MockMultipartHttpServletRequestBuilder report(Map<String, String> fields) {
        MockMultipartHttpServletRequestBuilder r = multipart("/public/report");
        Map<String, String> base = new java.util.LinkedHashMap<>(Map.of("matter", "NEIGHBOUR", "title", "楼上漏水到我家",
                "description", "楼上卫生间漏水已经一个月，多次沟通无果。", "regionCode", Cases.FENGYUAN, "consent", "true"));
        base.putAll(fields);
        base.forEach((k, v) -> {
            if (v != null) {
                r.param(k, v);
            }
        });
        fields.forEach((k, v) -> {
            if (v == null) {
                r.param(k, new String[0]);
            }
        });
        r.with(csrf()).with(req -> {
            req.setRemoteAddr(ip);
            return req;
        });
        return r;
    }

    String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    Reported reported(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        String html = html(request);
        Matcher code = CODE.matcher(html);
        assertThat(code.find()).as(html).isTrue();
        Matcher key = KEY.matcher(html);
        assertThat(key.find()).isTrue();
        long id = jdbc.sql("select id from cases where tracking_code = ?").param(code.group(1)).query(Long.class).single();
        return new Reported(id, code.group(1), key.group(1), html);
    }

    long cases() {
        return jdbc.sql("select count(*) from cases").query(Long.class).single();
    }

    MockHttpServletRequestBuilder fromHere(MockHttpServletRequestBuilder r) {
        return r.with(csrf()).with(req -> {
            req.setRemoteAddr(ip);
            return req;
        });
    }

    @Test
    void anAnonymousReportIsRegisteredOnlineThroughIntakeAndKeepsNoPersonalData() throws Exception {
        Reported r = reported(report(Map.of()));
        assertThat(r.html()).contains("data:image/png;base64,").contains("/public/track?code=" + r.code());
        Map<String, Object> c = jdbc.sql("select channel, status, handling_unit, registered_by from cases where id = ?")
                .param(r.id()).query().singleRow();
        assertThat(c.get("channel")).isEqualTo("ONLINE");
        assertThat(c.get("handling_unit")).as("routed like staff intake").isNotNull();
        assertThat(jdbc.sql("select count(*) from case_party where case_id = ?").param(r.id()).query(Long.class).single())
                .isZero();
        String keyHash = jdbc.sql("select key_hash from citizen_access_key where case_id = ?").param(r.id())
                .query(String.class).single();
        assertThat(keyHash).doesNotContain(r.key().replace("-", "")).hasSize(64);
        assertThat(jdbc.sql("select count(*) from notification_outbox where case_id = ? and kind like 'CITIZEN%'")
                .param(r.id()).query(Long.class).single()).as("no one to text").isZero();
    }

    @Test
    void aReportWithAMobileGetsTheKeyAndLinkBySmsAndTheKeyOpensTheMatter() throws Exception {
        Reported r = reported(report(Map.of("name", "钱多多", "mobile", "139 0000 1111")));
        String params = jdbc.sql("select params::text from notification_outbox where case_id = ? and kind = 'CITIZEN_REGISTERED'")
                .param(r.id()).query(String.class).single();
        assertThat(params).contains(r.key()).contains("/public/track?code=" + r.code());
        assertThat(jdbc.sql("select count(*) from case_party where case_id = ?").param(r.id()).query(Long.class).single())
                .isEqualTo(1);

        String page = html(fromHere(post("/public/track").param("code", r.code()).param("key", r.key().toLowerCase())));
        Document doc = Jsoup.parse(page);
        assertThat(doc.select("#status").text()).contains("已交办");
        assertThat(page).doesNotContain("钱多多").doesNotContain("13900001111").doesNotContain("139****1111");
    }

    @Test
    void aWrongKeySaysOnlyThatItDoesNotMatch() throws Exception {
        Reported r = reported(report(Map.of()));
        String wrongKey = Jsoup.parse(html(fromHere(post("/public/track").param("code", r.code()).param("key", "AAAA-BBBB-CCCC-DDDD"))))
                .select(".error").text();
        String noCase = Jsoup.parse(html(fromHere(post("/public/track").param("code", "330681-20990101-000001-X")
                .param("key", r.key())))).select(".error").text();
        assertThat(wrongKey).isEqualTo("事项编号与查询码（或验证码）不匹配").isEqualTo(noCase);
    }

    @Test
    void badInputComesBackOnItsFieldsAndWritesNothing() throws Exception {
        long before = cases();
        Document doc = Jsoup.parse(html(report(java.util.Collections.unmodifiableMap(new java.util.HashMap<>() {{
            put("title", "");
            put("mobile", "12345");
            put("consent", "false");
            put("matter", "NO_SUCH_MATTER");
        }}))));
        assertThat(doc.select("#title-error").text()).contains("一句话概括");
        assertThat(doc.select("#title").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.text()).contains("11位手机号").contains("同意个人信息告知").doesNotContain("12345");
        assertThat(cases()).isEqualTo(before);

        Document unknown = Jsoup.parse(html(report(Map.of("matter", "NO_SUCH_MATTER"))));
        assertThat(unknown.text()).contains("请从列表中选择要反映的事项");
        Document outside = Jsoup.parse(html(report(Map.of("regionCode", "", "latitude", "39.9", "longitude", "116.4"))));
        assertThat(outside.text()).contains("不在本平台服务范围内");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void theHoneypotAndAMissingCsrfTokenAreRefusedWithNothingWritten() throws Exception {
        long before = cases();
        assertThat(Jsoup.parse(html(report(Map.of("website", "http://spam.example")))).select(".error").text())
                .contains("未被接受");
        int status = mvc.perform(multipart("/public/report").param("matter", "NEIGHBOUR")).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aPhotoIsReEncodedWithoutItsExifAndGpsPosition() throws Exception {
        byte[] photo = jpegWithExif();
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif").contains("GPSLatitude");
        Reported r = reported(report(Map.of()).file(new MockMultipartFile("photos", "IMG_0001.jpg", "image/jpeg", photo)));
        List<byte[]> stored = jdbc.sql("select content from case_attachment where case_id = ?").param(r.id())
                .query((rs, n) -> rs.getBytes(1)).list();
        assertThat(stored).hasSize(1);
        String bytes = new String(stored.getFirst(), StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("Exif").doesNotContain("GPSLatitude");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored.getFirst())).getWidth()).isEqualTo(64);
    }

    @Test
    void somethingThatIsNotAnImageIsRefusedByItsContentNotItsName() throws Exception {
        long before = cases();
        Document doc = Jsoup.parse(html(report(Map.of()).file(new MockMultipartFile("photos", "photo.jpg", "image/jpeg",
                "#!/bin/sh\necho not a photo\n".getBytes(StandardCharsets.UTF_8)))));
        assertThat(doc.text()).contains("照片须为JPEG、PNG或WebP图片");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void trackingLookUpsAreLimitedPerClientAddress() throws Exception {
        Reported r = reported(report(Map.of()));
        for (int i = 0; i < 30; i++) {
            html(fromHere(post("/public/track").param("code", r.code()).param("key", "WRONG")));
        }
        String refused = Jsoup.parse(html(fromHere(post("/public/track").param("code", r.code()).param("key", r.key()))))
                .select(".error").text();
        assertThat(refused).contains("操作太频繁");
        ip = "203.0.113.9";
        assertThat(html(fromHere(post("/public/track").param("code", r.code()).param("key", r.key())))).contains("id=\"status\"");
    }

    @Test
    void reportsAreLimitedPerClientAddress() throws Exception {
        for (int i = 0; i < 10; i++) {
            reported(report(Map.of()));
        }
        long before = cases();
        assertThat(Jsoup.parse(html(report(Map.of()))).select(".error").text()).contains("操作太频繁");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aOneTimeCodeBySmsOpensTheMatterWithinFiveTriesAndFiveMinutes() throws Exception {
        Reported r = reported(report(Map.of("mobile", "13900002222")));
        String sent = Jsoup.parse(html(fromHere(post("/public/track/code").param("code", r.code())))).select(".success").text();
        assertThat(sent).contains("验证码已发送");
        String otp = otp(r.id());
        assertThat(jdbc.sql("select code_hash from citizen_code where case_id = ?").param(r.id()).query(String.class).single())
                .doesNotContain(otp);
        String wrong = otp.equals("000000") ? "111111" : "000000";
        assertThat(html(fromHere(post("/public/track").param("code", r.code()).param("otp", wrong)))).contains("不匹配");
        assertThat(html(fromHere(post("/public/track").param("code", r.code()).param("otp", otp)))).contains("id=\"status\"");
        assertThat(html(fromHere(post("/public/track").param("code", r.code()).param("otp", otp))))
                .as("used once").contains("不匹配");

        html(fromHere(post("/public/track/code").param("code", r.code())));
        String second = otp(r.id());
        for (int i = 0; i < 5; i++) {
            html(fromHere(post("/public/track").param("code", r.code()).param("otp", second.equals("000000") ? "111111" : "000000")));
        }
        assertThat(html(fromHere(post("/public/track").param("code", r.code()).param("otp", second))))
                .as("five wrong tries spend the code").contains("不匹配");

        html(fromHere(post("/public/track/code").param("code", r.code())));
        String third = otp(r.id());
        clock.advance(Duration.ofMinutes(6));
        assertThat(html(fromHere(post("/public/track").param("code", r.code()).param("otp", third)))).contains("不匹配");
    }

    private String otp(long caseId) {
        String params = jdbc.sql("""
                select params::text from notification_outbox where case_id = ? and kind = 'CITIZEN_CODE' order by id desc limit 1
                """).param(caseId).query(String.class).single();
        Matcher m = Pattern.compile("\"otp\":\\s*\"(\\d{6})\"").matcher(params);
        assertThat(m.find()).as(params).isTrue();
        return m.group(1);
    }

    @Test
    void theCitizenReadsTheReplyAndRatesDissatisfiedWhichSendsTheCaseToReviewAndTellsTheUnit() throws Exception {
        Reported r = reported(report(Map.of("name", "孙小美", "mobile", "13900003333")));
        String unitUser = "fengyuan.mediator";
        assertThat(api.post(unitUser, "/api/cases/" + r.id() + "/accept", Map.of()).status()).isEqualTo(200);
        api.post(unitUser, "/api/cases/" + r.id() + "/notes", Map.of("note", "内部：当事人情绪激动，注意风险"));
        Api.Response closed = api.post(unitUser, "/api/cases/" + r.id() + "/close", Map.of("outcome", "RESOLVED",
                "summary", "内部小结：上门三次", "reply", "您好，已协调楼上住户修好卫生间防水。"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(jdbc.sql("select params::text from notification_outbox where case_id = ? and kind = 'CITIZEN_CLOSED'")
                .param(r.id()).query(String.class).single()).contains("/public/track?code=" + r.code());

        String page = html(fromHere(post("/public/track").param("code", r.code()).param("key", r.key())));
        Document doc = Jsoup.parse(page);
        assertThat(doc.select("#replies").text()).contains("已协调楼上住户修好卫生间防水");
        List<String> staffNames = jdbc.sql("""
                select distinct u.display_name from case_event e join staff_user u on u.id = e.actor_user_id
                where e.case_id = ?""").param(r.id()).query(String.class).list();
        assertThat(staffNames).isNotEmpty();
        for (String name : staffNames) {
            assertThat(page).doesNotContain(name);
        }
        assertThat(page).doesNotContain("内部").doesNotContain("孙小美").doesNotContain("13900003333")
                .doesNotContain("风险").doesNotContain("上门三次");
        assertThat(doc.select("#evaluate")).hasSize(1);

        String pass = doc.select("input[name=pass]").attr("value");
        String rated = html(fromHere(post("/public/evaluate").param("pass", pass).param("rating", "DISSATISFIED")
                .param("comment", "还是漏水")));
        assertThat(Jsoup.parse(rated).select("#status").text()).contains("复核");
        Map<String, Object> c = jdbc.sql("select status, rating from cases where id = ?").param(r.id()).query().singleRow();
        assertThat(c).containsEntry("status", "UNDER_REVIEW").containsEntry("rating", "DISSATISFIED");
        assertThat(jdbc.sql("select source from case_evaluation where case_id = ?").param(r.id()).query(String.class).single())
                .isEqualTo("CITIZEN");
        assertThat(jdbc.sql("""
                select count(*) from notification_inbox i join staff_user u on u.id = i.user_id
                where i.case_id = ? and i.kind = 'DISSATISFIED' and u.username = 'fengyuan.mediator'
                """).param(r.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(windows.of(r.id()).orElseThrow().byCitizen()).isTrue();
        assertThat(html(fromHere(post("/public/evaluate").param("pass", pass).param("rating", "SATISFIED"))))
                .as("rated once").contains("现在不能评价");
    }

    @Test
    void aMatterNotRatedWithinTheWindowIsRecordedAsNotEvaluatedAndCanNoLongerBeRated() throws Exception {
        Reported r = reported(report(Map.of()));
        api.post("fengyuan.mediator", "/api/cases/" + r.id() + "/accept", Map.of());
        api.post("fengyuan.mediator", "/api/cases/" + r.id() + "/close", Map.of("outcome", "RESOLVED", "summary", "已处理",
                "reply", "您好，已处理。"));
        String pass = Jsoup.parse(html(fromHere(post("/public/track").param("code", r.code()).param("key", r.key()))))
                .select("input[name=pass]").attr("value");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        windows.expire();
        assertThat(windows.of(r.id()).orElseThrow().result()).isEqualTo("NOT_EVALUATED");
        assertThat(jdbc.sql("select rating from cases where id = ?").param(r.id()).query(String.class).optional())
                .as("never counted as satisfied").isEmpty();
        limits.reset();
        String page = html(fromHere(post("/public/track").param("code", r.code()).param("key", r.key())));
        assertThat(page).doesNotContain("id=\"evaluate\"").contains("评价期已过");
        assertThat(pass).isNotBlank();
    }

    @Test
    void publicPagesCarryAStrictPolicyAndNoStaffSession() throws Exception {
        MvcResult r = mvc.perform(get("/public/report")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'none'")
                .contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(r.getRequest().getSession(false)).isNull();
        assertThat(r.getResponse().getContentAsString()).doesNotContain("fq-navbar").contains("<label for=\"title\"");
    }

    @Test
    void theStaffReceiptCarriesTheQrCodeAndAFreshKeyThatOpensTheMatter() throws Exception {
        Api.Response reg = api.post("fq.intake", "/api/cases", Cases.aCase().dispute("NEIGHBOUR").body());
        long id = reg.get("id").asLong();
        String code = reg.get("trackingCode").asString();
        Document receipt = Jsoup.parse(html(get("/cases/" + id + "/receipt").with(pages.as("fq.intake"))));
        String key = receipt.select("[data-access-key]").text();
        assertThat(receipt.select("#citizen-access img").attr("src")).startsWith("data:image/png;base64,");
        assertThat(key).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
        assertThat(html(fromHere(post("/public/track").param("code", code).param("key", key)))).contains("id=\"status\"");
    }

    @Autowired
    org.fengqiao.support.Pages pages;

    /** A small JPEG with an APP1 Exif segment naming a GPS position, as phones write them. */
    static byte[] jpegWithExif() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, 20, 20);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] payload = "Exif\0\0MM\0*\0\0\0\bGPSLatitude 29.7129 N GPSLongitude 120.2431 E".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
    @Test
    void theDemoHasCitizensReportsWithRepliesAndOnlineRatings() {
        Map<String, Object> demo = jdbc.sql("""
                select count(*) as reports,
                       count(*) filter (where exists (select 1 from case_reply r where r.case_id = c.id and not r.interim)) as replied,
                       count(*) filter (where exists (select 1 from case_evaluation e where e.case_id = c.id and e.source = 'CITIZEN')) as rated,
                       count(*) filter (where c.status = 'UNDER_REVIEW') as reviewed
                from cases c where c.channel = 'ONLINE' and c.registered_by = (select id from staff_user where username = 'public.online')
                """).query().singleRow();
        Object stories = jdbc.sql("select title, status, handling_unit, registered_at from cases where title in ('楼上空调外机滴水', '小区路灯坏了一个月')")
                .query().listOfRows();
        assertThat((Long) demo.get("reports")).as(stories.toString()).isGreaterThanOrEqualTo(6);
        assertThat((Long) demo.get("replied")).as(stories.toString()).isGreaterThanOrEqualTo(4);
        assertThat((Long) demo.get("replied")).isGreaterThanOrEqualTo(4);
        assertThat((Long) demo.get("rated")).isGreaterThanOrEqualTo(3);
        assertThat((Long) demo.get("reviewed")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from citizen_evaluation_window where result = 'NOT_EVALUATED'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    /** What a phone downloads on first opening the report form: the page, its styles and scripts, the outlines. */
    @Test
    void theReportPageWeighsUnder200KbOnFirstLoadEvenUncompressed() throws Exception {
        String page = html(get("/public/report"));
        long total = page.getBytes(StandardCharsets.UTF_8).length;
        Matcher assets = Pattern.compile("(?:src|href)=\"(/(?:assets|webjars)/[^\"]+)\"").matcher(page);
        List<String> fetched = new java.util.ArrayList<>();
        while (assets.find()) {
            MvcResult r = mvc.perform(get(assets.group(1))).andReturn();
            assertThat(r.getResponse().getStatus()).as(assets.group(1)).isEqualTo(200);
            total += r.getResponse().getContentAsByteArray().length;
            fetched.add(assets.group(1));
        }
        total += mvc.perform(get("/public/boundaries.geojson")).andReturn().getResponse().getContentAsByteArray().length;
        assertThat(fetched).anyMatch(p -> p.contains("/css/public"))
                .anyMatch(p -> p.matches(".*/leaflet(-[0-9a-f]{32})?\\.js")); // fingerprinted by content
        assertThat(fetched).noneMatch(p -> p.contains("echarts") || p.contains("bootstrap"));
        System.out.println("BENCH public-report-first-load-bytes " + total + " " + fetched);
        assertThat(total).isLessThan(200 * 1024);
    }
}
