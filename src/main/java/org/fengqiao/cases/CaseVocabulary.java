package org.fengqiao.cases;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import org.fengqiao.platform.MatterVocabulary;

/**
 * Tells modules below this one which channels and kinds of matter exist.
 */
@Component
class CaseVocabulary implements MatterVocabulary {

    @Override
    public List<String> channels() {
        return Arrays.stream(Channel.values()).map(Enum::name).toList();
    }

    @Override
    public List<String> kinds() {
        return Arrays.stream(CaseKind.values()).map(Enum::name).toList();
    }
}
