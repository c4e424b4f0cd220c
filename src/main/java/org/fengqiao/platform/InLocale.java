package org.fengqiao.platform;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Runs a piece of work in a given language and gives the thread's own language back afterwards: for work done
 * outside a request (a scheduler's or a background thread's, which has none) whose texts come from the message
 * bundles.
 */
public final class InLocale {

    private InLocale() {
    }

    /** Runs the work with the given locale as the thread's language; the thread's own locale context after. */
    public static void run(Locale locale, Runnable work) {
        LocaleContext own = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            work.run();
        } finally {
            LocaleContextHolder.setLocaleContext(own);
        }
    }
}
