package dev.logflow.loader.service;

import java.util.List;

/**
 * Events that never arrived, per generator source, as {@code GET /api/loader/gaps} shows them.
 *
 * @param sources at most {@code logflow.loader.gaps-max-sources} sources, sorted by source
 * @param missing missing events over every source, listed or not
 */
public record GapReport(List<Source> sources, long missing) {

    /**
     * One source.
     *
     * @param count events of this source stored (duplicates never count)
     * @param missing {@code maxSeq - count} (seqs start at 1): exact once the stream is drained; events still in flight
     *     (in Flume's channel or in a file not yet loaded) show as a temporary gap
     */
    public record Source(String source, long count, long minSeq, long maxSeq, long missing) {}
}
