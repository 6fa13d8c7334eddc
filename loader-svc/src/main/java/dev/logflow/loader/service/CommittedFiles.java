package dev.logflow.loader.service;

import dev.logflow.loader.model.Checkpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the writer has committed per file, as the reader, retention and the lag gauge need it. */
final class CommittedFiles {

    /** Committed offset of a file and whether the file is complete. */
    record Committed(long offset, boolean complete) {}

    private static final Committed NOTHING = new Committed(0, false);

    private final Map<String, Committed> files = new ConcurrentHashMap<>();

    CommittedFiles(List<Checkpoint> checkpoints) {
        checkpoints.forEach(cp -> files.put(cp.file, new Committed(cp.offset, cp.complete)));
    }

    Committed of(String file) {
        return files.getOrDefault(file, NOTHING);
    }

    void commit(String file, long offset, boolean complete) {
        files.merge(
                file,
                new Committed(offset, complete),
                (old, now) -> new Committed(Math.max(old.offset(), now.offset()), old.complete() || now.complete()));
    }

    void forget(String file) {
        files.remove(file);
    }
}
