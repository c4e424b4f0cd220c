package org.fengqiao.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A password is refused for being common, derived from the user name, too simple or a keyboard run — not
 * only for its length — and the refusal names the rule.
 */
class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesCommonPasswordsWhateverTheirCaseAndDecoration() {
        assertThat(policy.refusal("zhang.san", "12345678")).isPresent();
        assertThat(policy.refusal("zhang.san", "password")).isPresent();
        assertThat(policy.refusal("zhang.san", "Password123!")).contains("account.password.common");
        assertThat(policy.refusal("zhang.san", "P@ssw0rd2026")).contains("account.password.common");
        assertThat(policy.refusal("zhang.san", "Woaini1314!")).contains("account.password.common");
    }

    @Test
    void refusesPasswordsMadeFromTheUserName() {
        assertThat(policy.refusal("zhang.san", "Zhang.san2026")).contains("account.password.username");
        assertThat(policy.refusal("zhang.san", "ZhangSan#2026")).contains("account.password.username");
        assertThat(policy.refusal("zhang.san", "nas.gnahZ#2026")).contains("account.password.username");
    }

    @Test
    void refusesTooFewKindsOfCharacterAndKeyboardRuns() {
        assertThat(policy.refusal("zhang.san", "qiaoxinroad")).contains("account.password.kinds");
        assertThat(policy.refusal("zhang.san", "Lu#Qiao12345")).contains("account.password.sequence");
        assertThat(policy.refusal("zhang.san", "Short#1")).contains("staff.weakPassword");
    }

    @Test
    void acceptsAStrongPasswordAndTheDemoPassword() {
        assertThat(policy.refusal("zhang.san", "Qiaoxin#Road7")).isEmpty();
        assertThat(policy.refusal(null, "Fengqiao@2026")).isEmpty();
    }
}
