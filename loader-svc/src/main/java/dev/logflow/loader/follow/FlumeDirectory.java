package dev.logflow.loader.follow;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** The directory Flume's file_roll sink writes into, listed oldest file first. */
public final class FlumeDirectory {

    private static final Logger LOG = Logger.getLogger(FlumeDirectory.class);

    private final Path dir;
    private final Pattern names;
    private final Set<String> ignored = new HashSet<>();
    private boolean missingReported;

    public FlumeDirectory(Path dir, String prefix) {
        this.dir = dir;
        this.names = FlumeFile.namePattern(prefix);
    }

    public Path path() {
        return dir;
    }

    /** Flume's files, oldest first; empty (with one warning) while the directory does not exist. */
    public List<FlumeFile> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            if (!missingReported) {
                LOG.warnf("Flume directory %s does not exist (yet); waiting for it", dir);
                missingReported = true;
            }
            return List.of();
        }
        missingReported = false;
        List<FlumeFile> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path path : stream) {
                snapshot(path).ifPresent(files::add);
            }
        }
        files.sort(FlumeFile.ORDER);
        return files;
    }

    private java.util.Optional<FlumeFile> snapshot(Path path) throws IOException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return java.util.Optional.empty();
            }
            var file = FlumeFile.of(
                    path, names, attrs.size(), attrs.lastModifiedTime().toMillis());
            if (file.isEmpty() && ignored.add(path.getFileName().toString())) {
                LOG.infof("Ignoring %s: not a Flume file_roll name", path.getFileName());
            }
            return file;
        } catch (NoSuchFileException e) {
            // Deleted between listing and looking: it is simply not there any more.
            return java.util.Optional.empty();
        }
    }
}
