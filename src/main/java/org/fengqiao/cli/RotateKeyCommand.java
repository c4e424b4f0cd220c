package org.fengqiao.cli;

import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.FengqiaoApplication;
import org.fengqiao.cases.PartyKeyRotation;

/**
 * {@code ./fengqiao rotate-key}: a new data key version, every party's personal data re-encrypted with it in
 * batches, the older versions dropped at the end. Run it with the platform stopped; when interrupted, run it again.
 */
final class RotateKeyCommand {

    private RotateKeyCommand() {
    }

    static int run(String[] args) {
        for (String a : args) {
            if (!a.startsWith("--")) {
                System.err.println("unexpected argument: " + a + "\nusage: ./fengqiao rotate-key [--fengqiao.data-dir=DIR]");
                return 2;
            }
        }
        try (ConfigurableApplicationContext context = FengqiaoApplication.startWithoutWeb(args)) {
            context.getBean(PartyKeyRotation.class).rotate(System.out);
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("rotation stopped: " + e.getMessage() + "\nrun ./fengqiao rotate-key again to resume");
            return 1;
        }
    }
}
