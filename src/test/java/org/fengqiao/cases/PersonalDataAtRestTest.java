package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.io.StringWriter;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.crypto.PersonalData;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * The parties' personal data is stored sealed with SM4: a dump of every table holds none of it in clear, the
 * pages and the API still show it masked and, to those allowed, in full; the same party is still found by its
 * phone or ID number through the keyed hashes; a key rotation and the upgrade of clear rows keep it readable.
 */
@IntegrationTest
class PersonalDataAtRestTest {

    static final String NAME = "司马青衫";
    static final String PHONE = "15507310428";
    static final String ID_NUMBER = "43010219900307710X";
    static final String ADDRESS = "枫源村梧桐巷十七号";
    static final String OTHER_NAME = "欧阳紫萱";
    static final String OTHER_PHONE = "18907316655";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PartyKeyRotation rotation;

    @Autowired
    PartyData partyData;

    @Autowired
    PersonalData personal;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void aDatabaseDumpHoldsNoClearPersonalData() throws Exception {
        long id = register(NAME, PHONE, ID_NUMBER, ADDRESS);
        long party = api.get("fq.intake", "/api/cases/" + id).get("parties").get(0).get("id").asLong();
        // a reveal writes the audit log; an action writes events
        assertThat(api.post("fq.intake", "/api/cases/" + id + "/parties/" + party + "/reveal",
                Map.of("purpose", "调解联系")).status()).isEqualTo(200);

        String dump = dumpEveryTable();

        assertThat(dump).contains(jdbc.sql("select tracking_code from cases where id = ?").param(id)
                .query(String.class).single());
        for (String clear : List.of(NAME, PHONE, ID_NUMBER, ID_NUMBER.toLowerCase(), ADDRESS, "0731-0428", "青衫",
                OTHER_NAME, OTHER_PHONE)) {
            assertThat(dump).as("clear value %s in the dump", clear).doesNotContain(clear);
        }
    }

    @Test
    void theApiShowsPartiesMaskedAndRevealsThemInFullToThoseAllowed() {
        long id = register(NAME, PHONE, ID_NUMBER, ADDRESS);
        Api.Response view = api.get("fq.intake", "/api/cases/" + id);
        var shown = view.get("parties").get(0);
        assertThat(shown.get("name").asString()).isEqualTo("司***");
        assertThat(shown.get("phone").asString()).isEqualTo("155****0428");
        assertThat(view.text()).doesNotContain(PHONE).doesNotContain(ID_NUMBER).doesNotContain(NAME);

        Api.Response revealed = api.post("fq.intake", "/api/cases/" + id + "/parties/" + shown.get("id").asLong()
                + "/reveal", Map.of("purpose", "调解联系"));
        assertThat(revealed.get("name").asString()).isEqualTo(NAME);
        assertThat(revealed.get("phone").asString()).isEqualTo(PHONE);
        assertThat(revealed.get("idNumber").asString()).isEqualTo(ID_NUMBER);
        assertThat(revealed.get("address").asString()).isEqualTo(ADDRESS);
        assertThat(api.post("leshan.grid", "/api/cases/" + id + "/parties/" + shown.get("id").asLong() + "/reveal",
                Map.of("purpose", "x")).status()).isEqualTo(404);
    }

    @Test
    void storedValuesAreSealedWithAKeyVersionAndAFreshNonce() {
        long first = register(NAME, PHONE, ID_NUMBER, ADDRESS);
        long second = register(NAME, PHONE, ID_NUMBER, ADDRESS);
        Map<String, Object> a = partyRow(first);
        Map<String, Object> b = partyRow(second);
        for (String column : List.of("name", "phone", "id_number", "address")) {
            assertThat((String) a.get(column)).matches("v[0-9]+:[A-Za-z0-9+/]+");
            assertThat(a.get(column)).as(column).isNotEqualTo(b.get(column));
        }
        assertThat(a.get("phone_hash")).isEqualTo(b.get("phone_hash")).isNotNull();
        assertThat(a.get("id_number_hash")).isEqualTo(b.get("id_number_hash")).isNotNull();
        assertThat(a.get("key_version")).isEqualTo(personal.currentVersion());
    }

    @Test
    void earlierCasesOfTheSamePartyAreFoundByTheKeyedHashOfAPhoneWrittenDifferently() {
        String phone = "13307319911";
        register("令狐冲", phone, null, null);
        long later = register("令狐冲", "+86 133-0731-9911", null, null);

        assertThat(api.get("fq.intake", "/api/cases/" + later).get("risk").get("reasons").toString())
                .contains("同一当事人此前已有1件纠纷");
        assertThat(jdbc.sql("""
                select count(distinct p2.case_id) from case_party p1 join case_party p2 on p2.phone_hash = p1.phone_hash
                where p1.case_id = ?
                """).param(later).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void earlierCasesOfTheSamePartyAreFoundByTheKeyedHashOfAnIdNumber() {
        register("东方白", null, "110105198001018739", null);
        long later = register("东方白", null, "110105198001018739", null);
        assertThat(api.get("fq.intake", "/api/cases/" + later).get("risk").get("reasons").toString())
                .contains("同一当事人此前已有1件纠纷");
    }

    @Test
    void rotatingTheKeyReEncryptsEveryPartyAndKeepsThemReadableAndFindable() {
        long id = register(OTHER_NAME, OTHER_PHONE, null, ADDRESS);
        Map<String, Object> before = partyRow(id);
        int versionBefore = personal.currentVersion();

        PartyKeyRotation.Result result = rotation.rotate(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

        assertThat(result.version()).isEqualTo(versionBefore + 1);
        assertThat(result.resealed()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_party where key_version is distinct from ?")
                .param(result.version()).query(Long.class).single()).isZero();
        Map<String, Object> after = partyRow(id);
        assertThat((String) after.get("name")).startsWith("v" + result.version() + ":").isNotEqualTo(before.get("name"));
        assertThat(after.get("phone_hash")).isEqualTo(before.get("phone_hash"));
        assertThat(personal.keys().versions().keySet()).containsExactly(result.version());
        assertThat(jdbc.sql("select name from data_key_check order by name").query(String.class).list())
                .containsExactly("index", "v" + result.version());
        var shown = api.get("fq.intake", "/api/cases/" + id).get("parties").get(0);
        assertThat(shown.get("name").asString()).isEqualTo("欧***");
        assertThat(api.post("fq.intake", "/api/cases/" + id + "/parties/" + shown.get("id").asLong() + "/reveal",
                Map.of("purpose", "核对")).get("phone").asString()).isEqualTo(OTHER_PHONE);
        long again = register(OTHER_NAME, OTHER_PHONE, null, null);
        assertThat(api.get("fq.intake", "/api/cases/" + again).get("risk").get("reasons").toString())
                .contains("同一当事人此前已有");
    }

    @Test
    void partiesStoredInClearBeforeTheUpgradeAreSealedAtStart() {
        long id = register("慕容复", null, null, null);
        jdbc.sql("""
                insert into case_party (case_id, role, name, phone, id_number, address)
                values (?, 'RESPONDENT', '上官婉儿', '13607318080', '330681198505051238', '枫桥镇老街一号')
                """).param(id).update();

        assertThat(partyData.resealAll()).isEqualTo(1);

        Map<String, Object> row = jdbc.sql("""
                select name, phone, id_number, address, phone_hash, id_number_hash, key_version from case_party
                where case_id = ? and role = 'RESPONDENT'
                """).param(id).query().singleRow();
        assertThat(row.values().toString()).doesNotContain("上官").doesNotContain("13607318080")
                .doesNotContain("330681198505051238").doesNotContain("老街");
        assertThat(row.get("key_version")).isEqualTo(personal.currentVersion());
        assertThat(row.get("phone_hash")).isEqualTo(personal.phoneHash("136 0731 8080"));
        assertThat(row.get("id_number_hash")).isEqualTo(personal.idNumberHash("330681198505051238"));
        var parties = api.get("fq.intake", "/api/cases/" + id).get("parties");
        assertThat(parties.get(1).get("name").asString()).isEqualTo("上***");
    }

    private long register(String name, String phone, String idNumber, String address) {
        Map<String, Object> body = aCase().titled("邻里排水沟堵塞纠纷").party("APPLICANT", name, phone, idNumber).body();
        if (address != null) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parties = (List<Map<String, Object>>) body.get("parties");
            parties.getFirst().put("address", address);
        }
        Api.Response r = api.post("fq.intake", "/api/cases", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.get("id").asLong();
    }

    private Map<String, Object> partyRow(long caseId) {
        return jdbc.sql("""
                select name, phone, id_number, address, phone_hash, id_number_hash, key_version from case_party
                where case_id = ? order by id limit 1
                """).param(caseId).query().singleRow();
    }

    /** Every table of the schema as {@code COPY … TO STDOUT} writes it (the binaries ship no pg_dump). */
    private String dumpEveryTable() throws Exception {
        List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = 'public' order by 1")
                .query(String.class).list();
        assertThat(tables).contains("case_party", "case_event", "case_text", "audit_log", "saved_view");
        StringWriter out = new StringWriter();
        List<String> copied = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                copy.copyOut("copy (select * from \"" + table + "\") to stdout", out);
                copied.add(table);
            }
        }
        assertThat(copied).hasSameSizeAs(tables);
        return out.toString();
    }
}
