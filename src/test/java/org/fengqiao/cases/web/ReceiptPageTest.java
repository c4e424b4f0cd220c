package org.fengqiao.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.SessionClient;

/**
 * The receipt a citizen takes home names the applicant (masked), gives the centre's telephone, and every file it
 * links (style sheets, script, icon) is there.
 */
@IntegrationTest
class ReceiptPageTest {

    @LocalServerPort
    int port;

    @Test
    void theReceiptNamesTheMaskedApplicantAndTheCentresPhone() {
        Api.Response r = new Api(port).post("fq.intake", "/api/cases", aCase().titled("回执电话测试")
                .party("APPLICANT", "欧阳修文", "13912340000", null).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        SessionClient intake = SessionClient.signedInAs(port, "fq.intake");
        Document receipt = Jsoup.parse(intake.get("/cases/" + r.get("id").asLong() + "/receipt").html());
        assertThat(receipt.select("#receipt-applicant").text()).startsWith("欧").doesNotContain("欧阳修文");
        assertThat(receipt.select("#receipt-phone").text()).contains("枫桥镇社会治理中心").contains("0575-87000110");
        assertThat(receipt.text()).doesNotContain("13912340000");

        assertThat(receipt.select("link[rel=icon]")).as("no /favicon.ico request that answers 404").isNotEmpty();
        for (Element linked : receipt.select("link[href], script[src]")) {
            String url = linked.hasAttr("href") ? linked.attr("href") : linked.attr("src");
            assertThat(intake.get(url).status()).as(url).isEqualTo(200);
        }
    }
}
