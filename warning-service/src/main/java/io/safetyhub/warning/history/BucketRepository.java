package io.safetyhub.warning.history;

import org.bson.Document;

import java.time.Instant;
import java.util.List;

/**
 * Where sealed history buckets are kept: MongoDB's {@code reading_buckets} in the service ({@link MongoBucketRepository}),
 * memory in the plain JUnit tests. The port {@link HistoryStore} writes and reads through.
 */
public interface BucketRepository {

    /**
     * Inserts every sealed bucket once. A bucket whose id is stored already (a replay after a crash, a late reading, a
     * partition that came back from another instance) gets only the samples it lacks, by source time, so that nothing is
     * counted twice. Throws when the store is unreachable; repeating the call is then safe.
     */
    void insert(List<OpenBucket> sealed);

    /** The stored buckets with these ids, in the stored shape. */
    List<Document> byIds(List<String> ids);

    /** The same buckets without their sample columns: what the history queries read. */
    default List<Document> summariesByIds(List<String> ids) {
        return byIds(ids);
    }

    /** Deletes buckets expired before {@code now}; returns how many. */
    long purge(Instant now);

    void deleteAll();

    /** Operations sent to the store since the start (inserts, lookups, merges): the figure issue 16 asks for. */
    long operations();
}
