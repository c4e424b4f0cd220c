package org.fengqiao.cases;

import java.io.PrintStream;

import org.springframework.stereotype.Service;

import org.fengqiao.crypto.DataKeyRotation;

/**
 * Rotates the data key of the parties' personal data ({@code ./fengqiao rotate-key}): a new key version is made
 * current and stored, every party is re-sealed with it in batches of their own transaction, and only then are the
 * older versions dropped. Interrupted, it resumes with the same new version when run again (or the next start
 * finishes the re-sealing).
 */
@Service
public class PartyKeyRotation {

    private final DataKeyRotation keys;
    private final PartyData parties;

    PartyKeyRotation(DataKeyRotation keys, PartyData parties) {
        this.keys = keys;
        this.parties = parties;
    }

    /** What a rotation did. */
    public record Result(int version, long resealed, boolean resumed) {
    }

    public Result rotate(PrintStream progress) {
        boolean resumed = keys.underWay();
        int version = keys.begin();
        progress.printf("%s data key version v%d in %s; %d parties to re-encrypt%n",
                resumed ? "resuming rotation to" : "new", version, keys.where(), parties.stale());
        long total = 0;
        for (int n = parties.resealBatch(); n > 0; n = parties.resealBatch()) {
            total += n;
            progress.printf("re-encrypted %d%n", total);
        }
        keys.finish();
        progress.printf("done: every party on v%d, older key versions removed (key fingerprint %s)%n", version,
                keys.fingerprint());
        return new Result(version, total, resumed);
    }
}
