package org.fengqiao.platform;

/**
 * How parties' personal data is shown by default: enough to recognise a person one is dealing with, not
 * enough to identify a stranger. Revealing the full value is a separate, audited action.
 */
public final class PartyMasking {

    private PartyMasking() {
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    /** 13812341234 → 138****1234; short numbers keep only their last two digits. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.replaceAll("[^0-9+]", "");
        if (p.length() >= 11) {
            return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        }
        return "*".repeat(Math.max(0, p.length() - 2)) + p.substring(Math.max(0, p.length() - 2));
    }

    /** 330681199001011234 → 330681********1234. */
    public static String idNumber(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() >= 15) {
            return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
        }
        return "*".repeat(Math.max(0, id.length() - 2)) + id.substring(Math.max(0, id.length() - 2));
    }

    /** Keeps the first six characters of an address (town and village), masks the rest. */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        int keep = Math.min(6, address.codePointCount(0, address.length()));
        int cut = address.offsetByCodePoints(0, keep);
        return address.substring(0, cut) + (cut < address.length() ? "****" : "");
    }
}
