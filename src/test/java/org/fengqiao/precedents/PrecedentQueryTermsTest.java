package org.fengqiao.precedents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Which of a text's terms a similar-case query searches for. */
class PrecedentQueryTermsTest {

    /** 100 cases: "common" is in all, "half" in every other, rare0…rare39 each in one, "absent" in none. */
    static DirectoryReader index() throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (int i = 0; i < 100; i++) {
                Document d = new Document();
                d.add(new TextField("text", "common" + (i % 2 == 0 ? " half" : "") + (i < 40 ? " rare" + i : ""),
                        Field.Store.NO));
                w.addDocument(d);
            }
        }
        return DirectoryReader.open(dir);
    }

    static int docFreq(org.apache.lucene.index.IndexReader reader, String term) {
        try {
            return reader.docFreq(new org.apache.lucene.index.Term("text", term));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void commonTermsAreLeftOutOnceEnoughRareOnesAreKept() throws Exception {
        List<String> terms = new ArrayList<>(List.of("common", "half", "absent"));
        IntStream.range(0, 10).forEach(i -> terms.add("rare" + i));
        try (DirectoryReader reader = index()) {
            assertThat(PrecedentIndex.queryTerms(terms, reader.numDocs(), t -> docFreq(reader, t)))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).mapToObj(i -> "rare" + i).toList());
        }
    }

    @Test
    void aTextOfFewRareTermsKeepsTheRarestCommonOnesUpToTheMinimum() throws Exception {
        try (DirectoryReader reader = index()) {
            assertThat(PrecedentIndex.queryTerms(List.of("common", "half", "rare1", "absent"), reader.numDocs(),
                    t -> docFreq(reader, t)))
                    .containsExactly("rare1", "half", "common");
        }
    }

    @Test
    void aQueryKeepsAtMostTheRarestMaximum() throws Exception {
        List<String> terms = new ArrayList<>(List.of("common"));
        IntStream.range(0, 40).forEach(i -> terms.add("rare" + i));
        try (DirectoryReader reader = index()) {
            assertThat(PrecedentIndex.queryTerms(terms, reader.numDocs(), t -> docFreq(reader, t)))
                    .hasSize(PrecedentIndex.MAX_QUERY_TERMS)
                    .doesNotContain("common");
        }
    }
}
