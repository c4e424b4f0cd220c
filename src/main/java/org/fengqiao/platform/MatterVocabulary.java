package org.fengqiao.platform;

import java.util.List;

/**
 * The codes of the channels and kinds of matter. Routing rules and deadline policies key on them as text; the
 * enums belong to the cases module, which depends on routing and deadlines. Cases supplies this bean so that
 * the administration pages of those modules can offer the choices without a dependency cycle.
 */
public interface MatterVocabulary {

    /** Channel codes (e.g. {@code HOTLINE_12345}); labels are the message keys {@code channel.<code>}. */
    List<String> channels();

    /** Kind-of-matter codes (e.g. {@code DISPUTE}); labels are the message keys {@code kind.<code>}. */
    List<String> kinds();
}
