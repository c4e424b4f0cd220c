package org.fengqiao.ledger;

/**
 * The columns of a case import file. Headers are recognised by their Chinese or English label (an asterisk
 * marks required columns and is ignored) or a listed alias, in any order; other columns are ignored.
 */
enum ImportColumn {
    SOURCE_REF(false, true, 20),
    REGISTERED_AT(false, false, 18),
    CHANNEL(false, false, 14),
    KIND(true, false, 10),
    CATEGORY(false, true, 36),
    DISPUTE_TYPE(false, false, 14),
    TITLE(true, false, 30),
    DESCRIPTION(true, false, 50),
    REGION_CODE(true, true, 16),
    ADDRESS(false, false, 30),
    PARTY_NAME(false, false, 12),
    PARTY_PHONE(false, true, 15),
    PARTY_ID_NUMBER(false, true, 21),
    PEOPLE_INVOLVED(false, false, 9),
    AMOUNT_INVOLVED(false, false, 12),
    URGENT(false, false, 9);

    /** Rows without a value here are refused. */
    final boolean required;
    /** Codes and numbers people type as text (leading zeros, 18-digit ID numbers): the template formats it "@". */
    final boolean text;
    /** Width in the template, in characters. */
    final int width;

    ImportColumn(boolean required, boolean text, int width) {
        this.required = required;
        this.text = text;
        this.width = width;
    }

    /** The header's message key. */
    String key() {
        return "ledger.import.col." + name();
    }

    /** Other headers meaning the same column (comma-separated, e.g. a 12345 system's 工单编号). */
    String aliasesKey() {
        return "ledger.import.alias." + name();
    }

    /** What the column holds, for the explanation sheet. */
    String helpKey() {
        return "ledger.import.help." + name();
    }

    /** The example row's value. */
    String exampleKey() {
        return "ledger.template.example." + name();
    }

    /** The column a service field's refusal concerns, or null. */
    static ImportColumn ofField(String field) {
        if (field == null) {
            return null;
        }
        return switch (field.replaceAll("\\[\\d+]", "")) {
            case "sourceRef" -> SOURCE_REF;
            case "channel" -> CHANNEL;
            case "kind" -> KIND;
            case "categoryCode" -> CATEGORY;
            case "disputeType" -> DISPUTE_TYPE;
            case "title" -> TITLE;
            case "description" -> DESCRIPTION;
            case "regionCode", "latitude", "longitude" -> REGION_CODE;
            case "address" -> ADDRESS;
            case "parties.name", "parties" -> PARTY_NAME;
            case "parties.phone" -> PARTY_PHONE;
            case "parties.idNumber" -> PARTY_ID_NUMBER;
            case "peopleInvolved" -> PEOPLE_INVOLVED;
            case "amountInvolved" -> AMOUNT_INVOLVED;
            case "urgent" -> URGENT;
            default -> null;
        };
    }
}
