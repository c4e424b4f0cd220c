package org.fengqiao.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.FengqiaoApplication;
import org.fengqiao.platform.RecordChain;
import org.fengqiao.records.RecordsVerification;

/**
 * {@code ./fengqiao verify-records [--en]}: recomputes every chain of the records (case events per case, the
 * daily heads, the audit log) and names the first broken link of each; exits 1 when one is broken.
 */
final class VerifyRecordsCommand {

    private VerifyRecordsCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        List<String> springArgs = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--en")) {
                locale = Locale.ENGLISH;
            } else {
                springArgs.add(a);
            }
        }
        try (ConfigurableApplicationContext context = FengqiaoApplication.startWithoutWeb(springArgs.toArray(String[]::new))) {
            RecordsVerification verification = context.getBean(RecordsVerification.class);
            return report(verification, verification.verifyAll(), context, locale, out);
        }
    }

    static int report(RecordsVerification verification, RecordsVerification.Verification v,
                      org.springframework.context.MessageSource messages, Locale locale, PrintStream out) {
        if (v.intact()) {
            out.println(messages.getMessage("records.intact", null, locale));
            return 0;
        }
        out.println(messages.getMessage("records.broken", null, locale));
        for (RecordChain.Break b : v.broken()) {
            out.printf("BROKEN chain=%s key=%s record=%s what=%s%n  %s%n", b.chain(), b.key() == null ? "-" : b.key(),
                    b.recordId() == null ? "-" : b.recordId(), b.what(), verification.describe(b, locale));
        }
        return 1;
    }
}
