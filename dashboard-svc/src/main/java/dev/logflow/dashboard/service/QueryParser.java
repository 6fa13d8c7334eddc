package dev.logflow.dashboard.service;

import dev.logflow.dashboard.config.DashboardConfig;
import dev.logflow.dashboard.model.DataQuery;
import dev.logflow.dashboard.model.InvalidRequestException;
import dev.logflow.dashboard.model.Level;
import dev.logflow.dashboard.model.Quoted;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw query parameters of the API into a {@link DataQuery}, or an {@link InvalidRequestException} that
 * says which parameter is wrong.
 *
 * <p>Window rules: {@code from} and {@code to} are ISO-8601 times with an offset ({@code 2015-05-17T10:00Z});
 * {@code window} is a length ({@code 15m}, {@code 6h}, {@code 7d} or ISO {@code PT6H}). {@code window} alone ends now;
 * with {@code from} it starts there, with {@code to} it ends there; all three at once is refused. Nothing given means
 * the configured default window ending now. The window is widened to whole minutes ({@code to} rounded up, so the
 * current minute is in the default window) and, for long windows, to whole buckets.
 */
@ApplicationScoped
public class QueryParser {

    /** Bucket sizes in minutes tried in order for windows with more minutes than the configured maximum of points. */
    static final List<Integer> BUCKET_MINUTES = List.of(1, 5, 15, 30, 60, 180, 360, 720, 1440);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})([mhd])");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int MAX_SERVICE_LENGTH = 200;
    /** Times outside these bounds cannot be log times and would overflow date arithmetic. */
    private static final Instant EARLIEST = Instant.EPOCH;

    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    private static final String TIME_EXAMPLE = "an ISO-8601 time with offset, e.g. 2015-05-17T10:00Z";

    private final DashboardConfig config;

    QueryParser(DashboardConfig config) {
        this.config = config;
    }

    /**
     * @param from {@code from} parameter or {@code null}
     * @param to {@code to} parameter or {@code null}
     * @param window {@code window} parameter or {@code null}
     * @param service {@code service} parameter or {@code null}
     * @param level {@code level} parameter or {@code null}
     * @param now the current time
     * @return the validated query
     * @throws InvalidRequestException naming the parameter that cannot be used
     */
    public DataQuery parse(String from, String to, String window, String service, String level, Instant now) {
        Range range = range(blankToNull(from), blankToNull(to), blankToNull(window), now);
        Duration bucket = bucketFor(range.start(), range.end());
        boolean endsNow = blankToNull(from) == null && blankToNull(to) == null;
        Duration sliding = endsNow ? Duration.between(range.start(), range.end()) : null;
        return new DataQuery(
                floor(range.start(), bucket),
                ceil(range.end(), bucket),
                bucket,
                service(service),
                level(level),
                sliding);
    }

    /**
     * @param query a query whose window ends now ({@link DataQuery#sliding()} set)
     * @param now the current time
     * @return the same query with its window placed to end now
     */
    public DataQuery slide(DataQuery query, Instant now) {
        Instant end = ceil(now, MINUTE);
        return new DataQuery(
                floor(end.minus(query.sliding()), query.bucket()),
                ceil(end, query.bucket()),
                query.bucket(),
                query.service(),
                query.level(),
                query.sliding());
    }

    /**
     * @param limit {@code limit} parameter or {@code null}
     * @return the number of rows to return
     * @throws InvalidRequestException when it is not a whole number from 1 to the configured maximum
     */
    public int limit(String limit) {
        int max = config.latestEvents().maxLimit();
        if (blankToNull(limit) == null) {
            return config.latestEvents().defaultLimit();
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below with the same message as an out-of-range number
        }
        throw new InvalidRequestException("limit: " + Quoted.of(limit) + " is not a whole number from 1 to " + max);
    }

    /**
     * @param given the query parameters of a request, by name
     * @param known the names the endpoint takes
     * @throws InvalidRequestException naming a parameter the endpoint does not take, or one given more than once
     */
    public void requireKnown(Map<String, List<String>> given, Set<String> known) {
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                throw new InvalidRequestException("unknown parameter " + Quoted.of(parameter.getKey())
                        + "; this endpoint takes " + String.join(", ", new TreeSet<>(known)));
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidRequestException(
                        parameter.getKey() + ": given " + parameter.getValue().size() + " times; give it once");
            }
        }
    }

    /** A window before alignment. */
    private record Range(Instant start, Instant end) {}

    private Range range(String from, String to, String window, Instant now) {
        if (from != null && to != null && window != null) {
            throw new InvalidRequestException("give at most two of from, to and window, not all three");
        }
        Duration length = window == null ? config.defaultWindow() : duration(window);
        Instant thisMinuteEnd = ceil(now, MINUTE);
        Instant start = from == null ? null : time("from", from);
        Instant end = to == null ? null : time("to", to);
        if (start == null) {
            end = end == null ? thisMinuteEnd : end;
            start = end.minus(length);
        } else if (end == null) {
            end = window == null ? thisMinuteEnd : start.plus(length);
        }
        return checked(start, end);
    }

    private Range checked(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("from (" + start + ") must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(config.maxWindow()) > 0) {
            throw new InvalidRequestException(
                    "the window from " + start + " to " + end + " is longer than the maximum " + config.maxWindow());
        }
        return new Range(start, end);
    }

    private Duration duration(String window) {
        Matcher shortForm = SHORT_DURATION.matcher(window.trim().toLowerCase(Locale.ROOT));
        Duration length;
        if (shortForm.matches()) {
            length = Duration.of(Long.parseLong(shortForm.group(1)), unit(shortForm.group(2)));
        } else {
            length = isoDuration(window);
        }
        if (length.compareTo(MINUTE) < 0 || length.compareTo(config.maxWindow()) > 0) {
            throw new InvalidRequestException(
                    "window: " + Quoted.of(window) + " must be from 1 minute to " + config.maxWindow());
        }
        return length;
    }

    private static ChronoUnit unit(String letter) {
        return switch (letter) {
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
    }

    private static Duration isoDuration(String window) {
        try {
            return Duration.parse(window.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    "window: " + Quoted.of(window) + " is not a length such as 15m, 6h, 7d or PT6H");
        }
    }

    private static Instant time(String name, String value) {
        Instant time;
        try {
            time = OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + ": " + Quoted.of(value) + " is not " + TIME_EXAMPLE);
        }
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new InvalidRequestException(
                    name + ": " + Quoted.of(value) + " is not between " + EARLIEST + " and " + LATEST);
        }
        return time;
    }

    private Duration bucketFor(Instant start, Instant end) {
        long minutes = Duration.between(floor(start, MINUTE), ceil(end, MINUTE)).toMinutes();
        for (int size : BUCKET_MINUTES) {
            if (-Math.floorDiv(-minutes, size) <= config.maxPoints()) {
                return Duration.ofMinutes(size);
            }
        }
        return Duration.ofMinutes(BUCKET_MINUTES.get(BUCKET_MINUTES.size() - 1));
    }

    private static String service(String service) {
        String name = blankToNull(service);
        if (name != null && name.length() > MAX_SERVICE_LENGTH) {
            throw new InvalidRequestException("service: longer than " + MAX_SERVICE_LENGTH + " characters");
        }
        return name == null ? null : name.trim();
    }

    private static Level level(String level) {
        String name = blankToNull(level);
        if (name == null) {
            return null;
        }
        try {
            return Level.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("level: " + Quoted.of(level) + " is not one of DEBUG, INFO, WARN, ERROR");
        }
    }

    private static Instant floor(Instant time, Duration bucket) {
        long millis = bucket.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), millis) * millis);
    }

    private static Instant ceil(Instant time, Duration bucket) {
        Instant down = floor(time, bucket);
        return down.equals(time) ? time : down.plus(bucket);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
