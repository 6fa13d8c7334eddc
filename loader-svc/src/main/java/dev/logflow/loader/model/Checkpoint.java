package dev.logflow.loader.model;

import io.quarkus.mongodb.panache.PanacheMongoEntityBase;
import io.quarkus.mongodb.panache.common.MongoEntity;
import java.util.Date;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/** Where one loader stands in one of Flume's files (collection {@code checkpoints}). */
@MongoEntity(collection = "checkpoints")
public class Checkpoint extends PanacheMongoEntityBase {

    /** {@code <loaderId>|<file name>}. */
    @BsonId
    public String id;

    public String loaderId;
    public String file;
    /** Bytes of complete lines stored, counted from the start of the file. */
    public long offset;
    /** Size of the file when last seen. */
    public long size;
    /** A newer file exists and everything in this one is stored. */
    public boolean complete;

    public Date updatedAt;

    /** The checkpoint id of {@code file} for {@code loaderId}. */
    public static String idOf(String loaderId, String file) {
        return loaderId + "|" + file;
    }

    /** Every checkpoint of one loader. */
    public static List<Checkpoint> ofLoader(String loaderId) {
        return list("loaderId", loaderId);
    }
}
