package org.fengqiao.crypto;

/**
 * The key side of a rotation: {@link #begin()} adds a new key version and makes it current (stored before any
 * value is re-encrypted, so an interrupted rotation resumes with the same version), {@link #finish()} drops the
 * older versions once no value uses them. The owners of the sealed values re-encrypt them in between.
 */
public final class DataKeyRotation {

    private final DataKeyStore store;
    private final PersonalData data;
    private final DataKeyCheck check;

    DataKeyRotation(DataKeyStore store, PersonalData data, DataKeyCheck check) {
        this.store = store;
        this.data = data;
        this.check = check;
    }

    /** Whether an earlier rotation was interrupted (older versions are still held). */
    public boolean underWay() {
        return data.keys().versions().size() > 1;
    }

    /** Starts a rotation, or resumes one under way; returns the version values are re-encrypted to. */
    public int begin() {
        if (!underWay()) {
            DataKeys next = data.keys().withNewVersion();
            store.save(next);
            data.use(next);
            check.record(data);
        }
        return data.currentVersion();
    }

    /** Ends a rotation: every value is on the current version, the older ones are forgotten. */
    public void finish() {
        DataKeys last = data.keys().withoutOldVersions();
        store.save(last);
        data.use(last);
        check.record(data);
    }

    public String where() {
        return store.describe();
    }

    public String fingerprint() {
        return data.keys().fingerprint();
    }
}
