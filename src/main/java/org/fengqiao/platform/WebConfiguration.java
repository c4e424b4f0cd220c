package org.fengqiao.platform;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first: pages speak Chinese unless the user switched to English ({@code ?lang=en}, remembered in a
 * cookie); API clients may ask for English with {@code Accept-Language: en}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver cookie = new CookieLocaleResolver("fq-lang");
        cookie.setDefaultLocaleFunction(WebConfiguration::defaultLocale);
        return new SupportedLocaleResolver(cookie);
    }

    /**
     * Every date in a query parameter or form field, {@code @DateTimeFormat} or not: ISO {@code yyyy-MM-dd}
     * within {@link PlausibleDates}' range. Registered last, so it takes precedence over the default parsers.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new PlausibleDateFormatter());
    }

    private static final class PlausibleDateFormatter implements Formatter<LocalDate> {

        @Override
        public LocalDate parse(String text, Locale locale) throws ParseException {
            try {
                return PlausibleDates.parse("date", text);
            } catch (ProblemException e) {
                throw new ParseException("not a plausible date", 0);
            }
        }

        @Override
        public String print(LocalDate date, Locale locale) {
            return date.toString();
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    private static Locale defaultLocale(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Language");
        boolean api = request.getRequestURI().startsWith("/api/");
        if (api && accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /** Only Chinese and English exist; anything else falls back to Chinese. */
    private record SupportedLocaleResolver(CookieLocaleResolver delegate) implements LocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return normalise(delegate.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            delegate.setLocale(request, response, locale == null ? null : normalise(locale));
        }

        private static Locale normalise(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
    }
}
