package dev.logflow.loader.model;

import io.quarkus.mongodb.panache.PanacheMongoEntityBase;
import io.quarkus.mongodb.panache.common.MongoEntity;
import java.util.Date;
import org.bson.codecs.pojo.annotations.BsonId;

/** A line the loader could not store as an event (collection {@code dead_letters}). */
@MongoEntity(collection = "dead_letters")
public class DeadLetter extends PanacheMongoEntityBase {

    /** {@code <file>:<byteOffset>}: a line dead-lettered twice stays one document. */
    @BsonId
    public String id;

    public String file;
    public long offset;
    public String reason;
    /** The start of the line, at most {@code logflow.loader.max-raw-bytes}. */
    public String raw;
    /** The full length of the line in bytes. */
    public long rawBytes;

    public Date at;

    /** The id of the line at {@code offset} of {@code file}. */
    public static String idOf(String file, long offset) {
        return file + ":" + offset;
    }
}
