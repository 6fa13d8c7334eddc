package dev.logflow.generator.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What a replay did so far.
 *
 * @param id replay id, used in {@code GET /api/generator/replay/{id}}
 * @param file absolute path of the replayed file
 * @param state RUNNING, DONE or FAILED
 * @param done whether the replay has ended
 * @param linesRead lines read from the file, empty and rejected ones included
 * @param sent lines written to Flume (first attempts)
 * @param acked lines Flume acknowledged
 * @param failed FAILED answers from Flume
 * @param resent lines written again after a FAILED answer or a lost connection
 * @param rejected lines never sent: too long or not valid UTF-8
 * @param rejectedTooLong lines longer than the maximum line length
 * @param rejectedInvalidUtf8 lines that are not valid UTF-8
 * @param rejectedLines the line numbers (from 1) of the first rejected lines, at most 100, oldest first
 * @param skippedEmpty empty lines, skipped
 * @param connectErrors failed connection attempts
 * @param error why the replay failed, or null
 */
@RegisterForReflection
public record ReplayStatus(
        String id,
        String file,
        ReplayState state,
        boolean done,
        long linesRead,
        long sent,
        long acked,
        long failed,
        long resent,
        long rejected,
        long rejectedTooLong,
        long rejectedInvalidUtf8,
        List<Long> rejectedLines,
        long skippedEmpty,
        long connectErrors,
        String error) {}
