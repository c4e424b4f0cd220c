package org.fengqiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RecordChainTest {

    @Test
    void sm3OfAbcIsTheStandardsTestVector() {
        // GB/T 32905-2016, appendix A.1: SM3("abc")
        assertThat(RecordChain.hex(RecordChain.link(new byte[0], "abc".getBytes())))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void jsonAsJavaWritesItAndAsPostgresqlGivesItBackHaveTheSameContent() {
        String fromJava = "{\"unitId\":20,\"ratio\":1.0E-5,\"reasons\":[\"a\\u0001\",\"乙\"],\"amount\":12.50}";
        String fromJsonb = "{\"ratio\": 0.000010, \"amount\": 12.5, \"unitId\": 20, \"reasons\": [\"a\\u0001\", \"乙\"]}";
        assertThat(RecordChain.content("e").json(fromJava).bytes())
                .isEqualTo(RecordChain.content("e").json(fromJsonb).bytes());
    }

    @Test
    void nullAndEmptyFieldsAndShiftedFieldsGiveDifferentContent() {
        assertThat(RecordChain.content("e").text(null).text("ab").bytes())
                .isNotEqualTo(RecordChain.content("e").text("").text("ab").bytes())
                .isNotEqualTo(RecordChain.content("e").text("a").text("b").bytes());
    }

    @Test
    void aLinkDependsOnThePreviousHash() {
        byte[] content = RecordChain.content("e").time(Instant.parse("2026-12-01T08:00:00.123456789Z")).bytes();
        byte[] first = RecordChain.link(RecordChain.GENESIS, content);
        assertThat(RecordChain.link(first, content)).isNotEqualTo(first).hasSize(32);
        assertThat(content).isEqualTo(RecordChain.content("e")
                .time(RecordChain.stored(Instant.parse("2026-12-01T08:00:00.123456999Z"))).bytes());
    }
}
