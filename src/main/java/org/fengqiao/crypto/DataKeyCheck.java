package org.fengqiao.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database's proof of the keys it was written with ({@code data_key_check}): per key version a known text
 * sealed with it, and the search hash of a known text. At start-up the keys at hand must open every one of them,
 * else the platform refuses to start rather than write values no one can read with the key it will be given later.
 */
final class DataKeyCheck {

    static final String KNOWN_TEXT = "fengqiao data key check";

    private final JdbcClient jdbc;

    DataKeyCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> stored() {
        Map<String, String> checks = new LinkedHashMap<>();
        jdbc.sql("select name, value from data_key_check order by name")
                .query(rs -> {
                    checks.put(rs.getString(1), rs.getString(2));
                });
        return checks;
    }

    /** Refuses keys that do not open every stored check. */
    static void verify(PersonalData data, Map<String, String> checks, String where) {
        checks.forEach((name, value) -> {
            if (name.equals("index")) {
                if (!data.hash("check", KNOWN_TEXT).equals(value)) {
                    throw new DataKeyException("The data key in " + where + " does not match this database: its "
                            + "search-hash secret differs. Restore the key file this database was written with.");
                }
                return;
            }
            try {
                if (!KNOWN_TEXT.equals(data.open(PersonalData.Field.NAME, value))) {
                    throw new PersonalData.SealedValueException("wrong text");
                }
            } catch (PersonalData.SealedValueException e) {
                throw new DataKeyException("The data key in " + where + " does not match this database: key version "
                        + name + " is missing or different. Restore the key file this database was written with.");
            }
        });
    }

    /** Records the checks of the keys' current version and search hash, and forgets versions no longer held. */
    void record(PersonalData data) {
        DataKeys keys = data.keys();
        jdbc.sql("insert into data_key_check (name, value) values ('index', ?) on conflict (name) do nothing")
                .param(data.hash("check", KNOWN_TEXT)).update();
        jdbc.sql("insert into data_key_check (name, value) values (?, ?) on conflict (name) do nothing")
                .params("v" + keys.current(), data.seal(PersonalData.Field.NAME, KNOWN_TEXT)).update();
        jdbc.sql("delete from data_key_check where name like 'v%' and not (name = any(cast(? as text[])))")
                .param(keys.versions().keySet().stream().map(v -> "v" + v).toArray(String[]::new)).update();
    }
}
