package org.fengqiao.categories;

import java.util.Locale;

/**
 * A kind of dispute (DOMAIN.md §4), e.g. {@code NEIGHBOUR} 邻里纠纷.
 */
public record DisputeType(String code, String nameZh, String nameEn, int sort) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
