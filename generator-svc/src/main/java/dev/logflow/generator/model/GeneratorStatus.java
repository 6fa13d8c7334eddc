package dev.logflow.generator.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Answer of {@code GET /api/generator/status}: the current (latest) generation run and every replay.
 *
 * @param state RUNNING, STOPPED or COMPLETED
 * @param source generator instance id
 * @param lastSeq highest seq of {@code source} generated so far, over every run: the loader's {@code maxSeq} for the
 *     source must reach it once everything is delivered, so a loss after the last stored event shows here
 * @param targetRate target events per second; 0 or less means as fast as possible
 * @param achievedRate events per second generated over the whole run
 * @param recentRate events per second generated over the last few seconds
 * @param total events the run generates, null when unlimited
 * @param generated events generated and handed to the sender in this run
 * @param sent lines written to Flume (first attempts)
 * @param acked lines Flume acknowledged
 * @param failed FAILED answers from Flume
 * @param resent lines written again after a FAILED answer or a lost connection
 * @param rejected lines never sent because they were too long
 * @param connectErrors failed connection attempts
 * @param inFlight lines accepted by the sender and not yet acknowledged
 * @param throttled whether a connection of the run is slowed down right now because Flume answers FAILED
 * @param backOffs times a connection of the run started to slow down
 * @param maxBackOffMillis longest pause a connection of the run took after a FAILED answer
 * @param flumeReachable whether a TCP connection to Flume can be opened (cached for a second or two)
 * @param replays every replay since start-up
 */
@RegisterForReflection
public record GeneratorStatus(
        RunState state,
        String source,
        long lastSeq,
        double targetRate,
        double achievedRate,
        double recentRate,
        Long total,
        long generated,
        long sent,
        long acked,
        long failed,
        long resent,
        long rejected,
        long connectErrors,
        long inFlight,
        boolean throttled,
        long backOffs,
        long maxBackOffMillis,
        boolean flumeReachable,
        List<ReplayStatus> replays) {}
