package org.fengqiao.platform;

/**
 * Checks resident ID numbers (GB 11643): 18 characters whose last is an ISO 7064 MOD 11-2 check character.
 * Other documents (passports, Hong Kong/Macao/Taiwan permits) are accepted as given.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    public static boolean looksLikeResidentId(String id) {
        return id != null && id.matches("[0-9]{17}[0-9Xx]");
    }

    public static boolean isValidResidentId(String id) {
        if (!looksLikeResidentId(id)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == Character.toUpperCase(id.charAt(17));
    }
}
