package org.fengqiao.intelligence.classification;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The model file format.
 *
 * <p>An uncompressed header of the magic bytes {@code FQTC} and a big-endian int format version,
 * then a gzip stream (whose CRC detects damage) holding, for version 1: the feature spec, the
 * labels, the confidence scale, the sorted feature keys, their IDF, the weights and the biases.
 * The version sits outside the compressed body so that any future format can still be told
 * apart and refused clearly.
 */
final class ModelCodec {

    static final int VERSION = 1;

    private static final byte[] MAGIC = "FQTC".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LABELS = 10_000;
    private static final int MAX_DIMENSION = 50_000_000;

    private ModelCodec() {
    }

    static void write(TextClassifier classifier, OutputStream target) throws IOException {
        DataOutputStream header = new DataOutputStream(target);
        header.write(MAGIC);
        header.writeInt(VERSION);
        header.flush();
        GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(target), 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        FeatureSpec spec = classifier.featureSpec();
        out.writeInt(spec.minCharNgram());
        out.writeInt(spec.maxCharNgram());
        out.writeBoolean(spec.wordUnigrams());
        out.writeBoolean(spec.wordBigrams());
        out.writeInt(classifier.labels().size());
        for (String label : classifier.labels()) {
            out.writeUTF(label);
        }
        out.writeDouble(classifier.calibration().scale());
        FeatureSpace space = classifier.featureSpace();
        LinearModel model = classifier.linearModel();
        out.writeInt(space.dimension());
        long previous = 0;
        for (long key : space.keys()) {
            // Keys are sorted, so gaps are small and compress well.
            out.writeLong(key - previous);
            previous = key;
        }
        for (float idf : space.idf()) {
            out.writeFloat(idf);
        }
        for (float w : model.weights()) {
            out.writeFloat(w);
        }
        for (float b : model.bias()) {
            out.writeFloat(b);
        }
        out.flush();
        gzip.finish();
        target.flush();
    }

    static TextClassifier read(InputStream source) throws IOException {
        DataInputStream header = new DataInputStream(source);
        byte[] magic = new byte[MAGIC.length];
        int version;
        try {
            header.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a Fengqiao text classifier model (bad magic bytes)");
            }
            version = header.readInt();
        } catch (EOFException e) {
            throw new IOException("not a Fengqiao text classifier model (too short)", e);
        }
        if (version != VERSION) {
            throw new IOException("unsupported classifier model format version " + version
                    + "; this library reads version " + VERSION + " only, retrain or use a matching library");
        }
        try {
            GZIPInputStream gzip = new GZIPInputStream(new NonClosingInput(source), 1 << 16);
            DataInputStream in = new DataInputStream(new BufferedInputStream(gzip, 1 << 16));
            TextClassifier classifier = readBody(in);
            if (in.read() != -1) {
                throw new IOException("damaged classifier model: unexpected data after the model");
            }
            return classifier;
        } catch (EOFException e) {
            throw new IOException("damaged classifier model: truncated", e);
        } catch (ZipException e) {
            throw new IOException("damaged classifier model: " + e.getMessage(), e);
        }
    }

    private static TextClassifier readBody(DataInputStream in) throws IOException {
        FeatureSpec spec = new FeatureSpec(in.readInt(), in.readInt(), in.readBoolean(), in.readBoolean());
        if (spec.minCharNgram() < 1 || spec.maxCharNgram() > FeatureExtractor.MAX_CHAR_NGRAM
                || spec.minCharNgram() > spec.maxCharNgram()) {
            throw new IOException("damaged classifier model: bad n-gram range");
        }
        int classes = checkedSize(in.readInt(), MAX_LABELS, "label count");
        List<String> labels = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            labels.add(in.readUTF());
        }
        double scale = in.readDouble();
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IOException("damaged classifier model: bad confidence scale " + scale);
        }
        int dimension = checkedSize(in.readInt(), MAX_DIMENSION, "feature count");
        long[] keys = new long[dimension];
        long previous = 0;
        for (int i = 0; i < dimension; i++) {
            long gap = in.readLong();
            if (gap <= 0) {
                throw new IOException("damaged classifier model: feature keys not ascending");
            }
            previous += gap;
            keys[i] = previous;
        }
        float[] idf = readFloats(in, dimension);
        float[] weights = readFloats(in, Math.multiplyExact(dimension, classes));
        float[] bias = readFloats(in, classes);
        return new TextClassifier(labels, new FeatureExtractor(spec), new FeatureSpace(keys, idf),
                new LinearModel(classes, dimension, weights, bias), new SoftmaxCalibration(scale));
    }

    private static int checkedSize(int size, int max, String what) throws IOException {
        if (size < 0 || size > max) {
            throw new IOException("damaged classifier model: bad " + what + " " + size);
        }
        return size;
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    /** Lets the gzip stream be finished without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Keeps the caller's stream open. */
    private static final class NonClosingInput extends java.io.FilterInputStream {
        NonClosingInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
