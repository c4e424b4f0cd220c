package org.fengqiao.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

import org.fengqiao.crypto.PersonalData.Field;

class PersonalDataTest {

    final PersonalData data = new PersonalData(DataKeys.generate());

    @Test
    void theBlockCipherIsSm4AsTheStandardDefinesIt() {
        // GB/T 32907-2016, appendix A, example 1
        byte[] key = java.util.HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        sm4.processBlock(key, 0, out, 0);
        assertThat(java.util.HexFormat.of().formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void aSealedValueOpensToItsClearTextAndNamesItsKeyVersion() {
        String sealed = data.seal(Field.NAME, "欧阳娜娜");
        assertThat(sealed).startsWith("v1:").doesNotContain("欧阳");
        assertThat(PersonalData.versionOf(sealed)).isEqualTo(1);
        assertThat(data.open(Field.NAME, sealed)).isEqualTo("欧阳娜娜");
        assertThat(data.seal(Field.PHONE, null)).isNull();
        assertThat(data.open(Field.PHONE, null)).isNull();
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentValuesWithAFreshNonce() {
        assertThat(data.seal(Field.PHONE, "13800001234")).isNotEqualTo(data.seal(Field.PHONE, "13800001234"));
    }

    @Test
    void anAlteredValueOrAValueMovedToAnotherFieldDoesNotOpen() {
        String sealed = data.seal(Field.PHONE, "13800001234");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 20] ^= 1;
        String altered = "v1:" + Base64.getEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> data.open(Field.PHONE, altered)).isInstanceOf(PersonalData.SealedValueException.class);
        assertThatThrownBy(() -> data.open(Field.ID_NUMBER, sealed))
                .isInstanceOf(PersonalData.SealedValueException.class);
        assertThatThrownBy(() -> data.open(Field.PHONE, "13800001234"))
                .isInstanceOf(PersonalData.SealedValueException.class);
    }

    @Test
    void aValueSealedWithAnotherKeyDoesNotOpen() {
        String sealed = new PersonalData(DataKeys.generate()).seal(Field.ADDRESS, "枫桥镇老街一号");
        assertThatThrownBy(() -> data.open(Field.ADDRESS, sealed)).isInstanceOf(PersonalData.SealedValueException.class)
                .hasMessageNotContaining("老街");
    }

    @Test
    void afterANewKeyVersionOlderValuesStillOpenAndNewOnesUseTheNewVersion() {
        String old = data.seal(Field.NAME, "张三");
        data.use(data.keys().withNewVersion());
        String fresh = data.seal(Field.NAME, "张三");
        assertThat(fresh).startsWith("v2:");
        assertThat(data.open(Field.NAME, old)).isEqualTo("张三");
        data.use(data.keys().withoutOldVersions());
        assertThat(data.open(Field.NAME, fresh)).isEqualTo("张三");
        assertThatThrownBy(() -> data.open(Field.NAME, old)).isInstanceOf(PersonalData.SealedValueException.class)
                .hasMessageContaining("v1");
    }

    @Test
    void searchHashesMatchTheSameNumberWrittenDifferentlyAndNothingElse() {
        assertThat(data.phoneHash("+86 138-0000-1234")).isEqualTo(data.phoneHash("13800001234"));
        assertThat(data.phoneHash("13800001235")).isNotEqualTo(data.phoneHash("13800001234"));
        assertThat(data.idNumberHash("33068119900101123x")).isEqualTo(data.idNumberHash("33068119900101123X"));
        assertThat(data.idNumberHash("13800001234")).isNotEqualTo(data.phoneHash("13800001234"));
        assertThat(data.phoneHash(null)).isNull();
        assertThat(data.phoneHash(" ")).isNull();
        // keyed: another key gives other hashes, so a table of all phone numbers' hashes cannot be made without it
        assertThat(new PersonalData(DataKeys.generate()).phoneHash("13800001234"))
                .isNotEqualTo(data.phoneHash("13800001234"));
    }

    @Test
    void theSearchHashStaysTheSameAcrossAKeyRotation() {
        String before = data.phoneHash("13800001234");
        data.use(data.keys().withNewVersion().withoutOldVersions());
        assertThat(data.phoneHash("13800001234")).isEqualTo(before);
    }

    @Test
    void keysReadBackFromTheirTextAreTheSameKeys() {
        DataKeys keys = DataKeys.generate().withNewVersion();
        String sealed = new PersonalData(keys).seal(Field.NAME, "李四");
        DataKeys read = DataKeys.parse(keys.format());
        assertThat(read.current()).isEqualTo(2);
        assertThat(read.versions().keySet()).containsExactly(1, 2);
        assertThat(new PersonalData(read).open(Field.NAME, sealed)).isEqualTo("李四");
        assertThat(read.fingerprint()).isEqualTo(keys.fingerprint()).hasSize(16);
        assertThat(keys.toString()).doesNotContain(Base64.getEncoder().encodeToString(keys.indexSecret()));
        assertThat(DataKeys.parse(keys.format().replace("\n", ",")).current()).isEqualTo(2);
        assertThatThrownBy(() -> DataKeys.parse("v1=abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
