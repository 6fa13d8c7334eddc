package dev.logflow.stack;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** One line per log record on the console, in the same shape as the Quarkus services print. */
final class Logging {

    private Logging() {}

    /** Replaces the JDK's two-line console format; safe to call after loggers exist. */
    static void configure() {
        for (Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new OneLineFormatter());
        }
    }

    private static final class OneLineFormatter extends Formatter {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss,SSS");

        @Override
        public String format(LogRecord record) {
            String line = String.format(
                    "%s %-5s [%s] %s%n",
                    TIME.format(LocalTime.now()),
                    record.getLevel().getName(),
                    shortName(record.getLoggerName()),
                    formatMessage(record));
            return record.getThrown() == null ? line : line + record.getThrown() + System.lineSeparator();
        }

        private static String shortName(String loggerName) {
            return loggerName == null ? "" : loggerName.substring(loggerName.lastIndexOf('.') + 1);
        }
    }
}
