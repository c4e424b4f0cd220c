package org.fengqiao.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.passay.CharacterCharacteristicsRule;
import org.passay.CharacterRule;
import org.passay.DictionaryRule;
import org.passay.EnglishCharacterData;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;
import org.springframework.core.io.ClassPathResource;

/**
 * What a password must be (Passay rules): 8 to 128 characters of at least three kinds (lower case, upper case,
 * digits, symbols); not a common password (a shipped deny-list, compared without letter case and also with
 * leading and trailing digits and symbols stripped, so {@code Password123!} is refused); not the user name or
 * derived from it; no run of five keyboard, alphabet or number sequence characters ({@code 12345}).
 */
final class PasswordPolicy {

    private final WordListDictionary common;
    private final PasswordValidator validator;

    PasswordPolicy() {
        this.common = new WordListDictionary(new ArrayWordList(load(), false, new ArraysSort()));
        this.validator = new PasswordValidator(List.of(
                new LengthRule(8, 128),
                new CharacterCharacteristicsRule(3,
                        new CharacterRule(EnglishCharacterData.LowerCase, 1),
                        new CharacterRule(EnglishCharacterData.UpperCase, 1),
                        new CharacterRule(EnglishCharacterData.Digit, 1),
                        new CharacterRule(EnglishCharacterData.Special, 1)),
                new DictionaryRule(common),
                new UsernameRule(true, true),
                new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
                new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
                new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false)));
    }

    /** The message key of the first rule the password breaks, if any. */
    Optional<String> refusal(String username, String password) {
        if (password == null || password.length() < 8 || password.length() > 128) {
            return Optional.of("staff.weakPassword");
        }
        PasswordData data = username == null ? new PasswordData(password) : new PasswordData(username, password);
        RuleResult result = validator.validate(data);
        if (!result.isValid()) {
            String code = result.getDetails().getFirst().getErrorCode();
            return Optional.of(switch (code) {
                case "INSUFFICIENT_CHARACTERISTICS", "INSUFFICIENT_LOWERCASE", "INSUFFICIENT_UPPERCASE",
                     "INSUFFICIENT_DIGIT", "INSUFFICIENT_SPECIAL" -> "account.password.kinds";
                case "ILLEGAL_WORD", "ILLEGAL_WORD_REVERSED" -> "account.password.common";
                case "ILLEGAL_USERNAME", "ILLEGAL_USERNAME_REVERSED" -> "account.password.username";
                case "ILLEGAL_ALPHABETICAL_SEQUENCE", "ILLEGAL_NUMERICAL_SEQUENCE", "ILLEGAL_QWERTY_SEQUENCE" ->
                        "account.password.sequence";
                default -> "staff.weakPassword";
            });
        }
        String core = password.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (!core.isEmpty() && common.search(core)) {
            return Optional.of("account.password.common");
        }
        if (username != null) {
            String nameLetters = username.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
            String passwordLetters = password.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
            if (nameLetters.length() >= 3 && (passwordLetters.contains(nameLetters)
                    || passwordLetters.contains(new StringBuilder(nameLetters).reverse()))) {
                return Optional.of("account.password.username");
            }
        }
        return Optional.empty();
    }

    private static String[] load() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("organisation/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            return in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).distinct().sorted().toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
