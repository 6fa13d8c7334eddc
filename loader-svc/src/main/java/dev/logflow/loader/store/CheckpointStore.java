package dev.logflow.loader.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.logflow.loader.model.Checkpoint;
import dev.logflow.loader.model.LoaderState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Checkpoints and loader state: what is stored for good, and which batch is being written. */
@ApplicationScoped
public class CheckpointStore {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final String PENDING = "pending";

    private final LoaderCollections collections;

    public CheckpointStore(LoaderCollections collections) {
        this.collections = collections;
    }

    /** Every checkpoint of {@code loaderId}. */
    public List<Checkpoint> checkpoints(String loaderId) {
        return Checkpoint.ofLoader(loaderId);
    }

    /** The loader's state; a fresh one (batch 0, nothing pending) the first time. */
    public LoaderState state(String loaderId) {
        LoaderState state = LoaderState.findById(loaderId);
        if (state == null) {
            state = new LoaderState();
            state.id = loaderId;
        }
        return state;
    }

    /** Step a: batch {@code seq} is about to write [{@code start}, {@code end}) of {@code file}. */
    public void begin(String loaderId, long seq, String file, long start, long end) {
        Document pending = new Document("seq", seq)
                .append("file", file)
                .append("start", start)
                .append("end", end);
        collections
                .loaderState()
                .updateOne(
                        eq("_id", loaderId),
                        Updates.combine(Updates.max("batchSeq", seq), Updates.set(PENDING, pending)),
                        UPSERT);
    }

    /** Last step: nothing is pending any more. */
    public void finish(String loaderId) {
        collections.loaderState().updateOne(eq("_id", loaderId), Updates.set(PENDING, null));
    }

    /** Step d: everything up to {@code offset} of {@code file} is stored; the offset never moves back. */
    public void commit(String loaderId, String file, long offset, long size, boolean complete) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.max("offset", offset));
        updates.add(Updates.set("size", size));
        updates.add(Updates.set("loaderId", loaderId));
        updates.add(Updates.set("file", file));
        updates.add(Updates.set("updatedAt", new Date()));
        // A later batch of the same file never turns a complete checkpoint back to incomplete.
        updates.add(complete ? Updates.set("complete", true) : Updates.setOnInsert("complete", false));
        collections
                .checkpoints()
                .updateOne(eq("_id", Checkpoint.idOf(loaderId, file)), Updates.combine(updates), UPSERT);
    }
}
