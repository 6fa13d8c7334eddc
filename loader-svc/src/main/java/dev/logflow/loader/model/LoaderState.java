package dev.logflow.loader.model;

import io.quarkus.mongodb.panache.PanacheMongoEntityBase;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One loader's batch counter and the batch it is writing (collection {@code loader_state}). A loader that finds
 * {@link #pending} at start-up finishes that batch before anything else.
 */
@MongoEntity(collection = "loader_state")
public class LoaderState extends PanacheMongoEntityBase {

    /** The loader id. */
    @BsonId
    public String id;

    /** Number of the last batch started. */
    public long batchSeq;

    /** The batch being written, or null when the last one was committed. */
    public Pending pending;

    /** Range of one file that batch {@code seq} covers: bytes [start, end). */
    public static class Pending {
        public long seq;
        public String file;
        public long start;
        public long end;
    }
}
