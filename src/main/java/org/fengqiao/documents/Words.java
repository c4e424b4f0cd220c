package org.fengqiao.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.fengqiao.cases.FreeTextMasking;
import org.fengqiao.platform.ChinaTime;

/**
 * The words of the documents, from the {@code i18n/documents} bundle. Documents are written in Chinese, the
 * language of the record and of the offices that file them, whatever the language of the page that asked.
 */
@Component
class Words {

    static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
    }

    String t(String key, Object... args) {
        return messages.getMessage(key, args, LANGUAGE);
    }

    String date(LocalDate day) {
        return day == null ? t("document.blankDate") : DATE.format(day);
    }

    String date(Instant at) {
        return at == null ? t("document.blankDate") : DATE.format(ChinaTime.dateOf(at));
    }

    String dateTime(Instant at) {
        return at == null ? t("document.none") : DATE_TIME.format(at.atZone(ChinaTime.ZONE));
    }

    /** A free text as written out in this dossier: masked when the dossier is, {@code document.none} if empty. */
    String free(Dossier d, String text) {
        if (text == null || text.isBlank()) {
            return t("document.none");
        }
        return d.masked() ? FreeTextMasking.mask(text.strip()) : text.strip();
    }

    /** A value or {@code document.none}. */
    String or(String value) {
        return value == null || value.isBlank() ? t("document.none") : value;
    }
}
