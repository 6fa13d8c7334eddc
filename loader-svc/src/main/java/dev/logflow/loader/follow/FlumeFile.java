package dev.logflow.loader.follow;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of Flume's file_roll sink, named {@code <prefix><sinkStartMillis>-<n>[.<ext>]}: a restart of the sink
 * starts a new series with a later start time, and {@code n} counts the files of a series from 1.
 *
 * @param path where the file is
 * @param name its file name: the key of its checkpoint and part of the id of its lines
 * @param startMillis when the sink that wrote it started
 * @param n its number in that series
 * @param size its size in bytes when listed
 * @param modifiedMillis its last modification when listed
 */
public record FlumeFile(Path path, String name, long startMillis, long n, long size, long modifiedMillis) {

    /** Oldest first: by series start, then by number, both numerically. */
    public static final Comparator<FlumeFile> ORDER = Comparator.comparingLong(FlumeFile::startMillis)
            .thenComparingLong(FlumeFile::n)
            .thenComparing(FlumeFile::name);

    /** The pattern of Flume's names for {@code prefix}; names without the prefix match too. */
    public static Pattern namePattern(String prefix) {
        return Pattern.compile("(?:" + Pattern.quote(prefix) + ")?(\\d{1,18})-(\\d{1,18})(?:\\.[A-Za-z0-9]+)?");
    }

    /** The file, when its name is one Flume would give it. */
    public static Optional<FlumeFile> of(Path path, Pattern names, long size, long modifiedMillis) {
        String name = path.getFileName().toString();
        Matcher m = names.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new FlumeFile(
                path, name, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), size, modifiedMillis));
    }
}
