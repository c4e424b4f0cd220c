package org.fengqiao.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options of a command line: {@code --name value} and {@code --name=value}; other words map to "". */
final class CommandOptions {

    private CommandOptions() {
    }

    /** @param withValue the options that take the next word as their value when written without {@code =} */
    static Map<String, String> parse(String[] args, Collection<String> withValue) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            if (eq > 0) {
                o.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (withValue.contains(a) && i + 1 < args.length) {
                o.put(a, args[++i]);
            } else {
                o.put(a, "");
            }
        }
        return o;
    }
}
