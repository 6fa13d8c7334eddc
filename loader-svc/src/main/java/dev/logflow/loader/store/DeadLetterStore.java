package dev.logflow.loader.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import dev.logflow.loader.model.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.List;

/** Writes dead letters idempotently: their id is the line's place, so a re-read line stays one dead letter. */
@ApplicationScoped
public class DeadLetterStore {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    /** @return how many dead letters are new */
    public int insert(List<DeadLetter> letters, Date at) {
        if (letters.isEmpty()) {
            return 0;
        }
        letters.forEach(letter -> letter.at = at);
        try {
            DeadLetter.mongoCollection().insertMany(letters, UNORDERED);
            return letters.size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || !onlyDuplicates(e.getWriteErrors())) {
                throw e;
            }
            return letters.size() - e.getWriteErrors().size();
        }
    }

    private static boolean onlyDuplicates(List<BulkWriteError> errors) {
        return errors.stream().allMatch(error -> error.getCode() == MongoErrors.DUPLICATE_KEY);
    }
}
