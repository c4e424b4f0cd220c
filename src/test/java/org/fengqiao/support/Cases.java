package org.fengqiao.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds registration requests for tests: {@code aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN).body()}.
 */
public final class Cases {

    /** 枫源村 and its neighbour 乐山村, both in 枫桥镇; 天竺社区 for a third place. */
    public static final String FENGYUAN = "330681109290";
    public static final String LESHAN = "330681109291";
    public static final String TIANZHU = "330681109002";
    public static final String FENGQIAO_TOWN = "330681109000";

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<Map<String, Object>> parties = new ArrayList<>();

    private Cases() {
        body.put("channel", "WALK_IN");
        body.put("kind", "CONSULTATION");
        body.put("title", "测试事项 " + SEQ.incrementAndGet());
        body.put("description", "群众来访反映的测试事项，用于自动化测试。");
        body.put("regionCode", FENGYUAN);
    }

    public static Cases aCase() {
        return new Cases();
    }

    public Cases dispute(String disputeType) {
        body.put("kind", "DISPUTE");
        body.put("disputeType", disputeType);
        return this;
    }

    public Cases kind(String kind) {
        body.put("kind", kind);
        return this;
    }

    public Cases inVillage(String code) {
        body.put("regionCode", code);
        return this;
    }

    public Cases at(double latitude, double longitude) {
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        return this;
    }

    public Cases titled(String title) {
        body.put("title", title);
        return this;
    }

    public Cases describedAs(String description) {
        body.put("description", description);
        return this;
    }

    public Cases channel(String channel) {
        body.put("channel", channel);
        return this;
    }

    public Cases with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Cases without(String field) {
        body.remove(field);
        return this;
    }

    public Cases manualDispatch() {
        body.put("autoDispatch", false);
        return this;
    }

    public Cases party(String role, String name, String phone, String idNumber) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("role", role);
        p.put("name", name);
        p.put("phone", phone);
        p.put("idNumber", idNumber);
        parties.add(p);
        return this;
    }

    public Map<String, Object> body() {
        Map<String, Object> b = new LinkedHashMap<>(body);
        if (!parties.isEmpty()) {
            b.put("parties", parties);
        }
        return b;
    }
}
