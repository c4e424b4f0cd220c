package org.fengqiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictUtf8Test {

    @Test
    void overlongAndInvalidBytesAreFoundWhereTheyStart() {
        assertThat(RequestSizeLimitFilter.firstInvalidUtf8("{\"t\":\"纠纷\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(RequestSizeLimitFilter.firstInvalidUtf8(new byte[] {'a', (byte) 0xC0, (byte) 0xAF})).isEqualTo(1);
        assertThat(RequestSizeLimitFilter.firstInvalidUtf8(new byte[] {'a', 'b', (byte) 0xFF})).isEqualTo(2);
        assertThat(RequestSizeLimitFilter.firstInvalidUtf8(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF})).isZero();
        assertThat(RequestSizeLimitFilter.firstInvalidUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isZero();
        assertThat(RequestSizeLimitFilter.firstInvalidUtf8(new byte[] {'x', (byte) 0xE7, (byte) 0xBA})).isEqualTo(1);
    }
}
