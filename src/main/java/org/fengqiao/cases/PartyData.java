package org.fengqiao.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.crypto.PersonalData;
import org.fengqiao.crypto.PersonalData.Field;

/**
 * The parties' personal data in {@code case_party}, sealed with SM4 (see {@link PersonalData}): opens a row for a
 * view that needs it, and re-seals rows not on the current key version — the rows stored in clear before
 * encryption (at the first start after the upgrade) and, during a key rotation, the rows of older versions. Each
 * batch is its own transaction and only rows still on an old version are taken, so the work resumes where it
 * stopped.
 */
@Component
class PartyData implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PartyData.class);
    static final int BATCH = 500;

    /** A party's personal data in clear. */
    record Clear(String name, String phone, String idNumber, String address) {
    }

    private final JdbcClient jdbc;
    private final PersonalData personal;
    private final TransactionTemplate transactions;

    PartyData(JdbcClient jdbc, PersonalData personal, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.personal = personal;
        this.transactions = transactions;
    }

    /** Opens the columns name, phone, id_number and address of a {@code case_party} row. */
    Clear open(ResultSet rs) throws SQLException {
        return new Clear(open(Field.NAME, rs.getString("name")), open(Field.PHONE, rs.getString("phone")),
                open(Field.ID_NUMBER, rs.getString("id_number")), open(Field.ADDRESS, rs.getString("address")));
    }

    private String open(Field field, String stored) {
        // a row from before encryption (key_version null) until the start-up step has sealed it
        return stored == null || PersonalData.versionOf(stored) < 0 ? stored : personal.open(field, stored);
    }

    /** At start-up, before the platform serves: seals what is not on the current key version. */
    @Override
    public void afterSingletonsInstantiated() {
        long sealed = resealAll();
        if (sealed > 0) {
            log.info("Sealed the personal data of {} parties with data key version v{}", sealed,
                    personal.currentVersion());
        }
    }

    /** Re-seals every row not on the current key version, batch by batch; returns how many. */
    long resealAll() {
        long total = 0;
        for (int n = resealBatch(); n > 0; n = resealBatch()) {
            total += n;
        }
        return total;
    }

    /** Re-seals up to {@link #BATCH} rows not on the current key version in one transaction; returns how many. */
    int resealBatch() {
        int current = personal.currentVersion();
        Integer done = transactions.execute(tx -> {
            List<Object[]> rows = new ArrayList<>();
            jdbc.sql("""
                    select id, name, phone, id_number, address, key_version from case_party
                    where key_version is distinct from ? order by id limit ? for update
                    """).params(current, BATCH).query(rs -> {
                Clear c = open(rs);
                rows.add(new Object[]{personal.seal(Field.NAME, c.name()), personal.seal(Field.PHONE, c.phone()),
                        personal.seal(Field.ID_NUMBER, c.idNumber()), personal.seal(Field.ADDRESS, c.address()),
                        personal.phoneHash(c.phone()), personal.idNumberHash(c.idNumber()), current, rs.getLong("id")});
            });
            for (Object[] row : rows) {
                jdbc.sql("""
                        update case_party set name = ?, phone = ?, id_number = ?, address = ?, phone_hash = ?,
                            id_number_hash = ?, key_version = ?
                        where id = ?
                        """).params(row).update();
            }
            return rows.size();
        });
        return done == null ? 0 : done;
    }

    /** How many rows are not on the current key version. */
    long stale() {
        return jdbc.sql("select count(*) from case_party where key_version is distinct from ?")
                .param(personal.currentVersion()).query(Long.class).single();
    }
}
