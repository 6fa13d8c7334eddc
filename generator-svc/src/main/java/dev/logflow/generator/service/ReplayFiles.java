package dev.logflow.generator.service;

import dev.logflow.generator.model.Quoted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Decides which files may be replayed: with allowed directories, only files whose real path (symlinks resolved) lies
 * under one of the directories' real paths; without them, any readable file or none, as configured.
 */
public final class ReplayFiles {

    static final String ALLOWED_DIRS_KEY = "logflow.generator.replay.allowed-dirs";

    private final List<Path> allowedDirs;
    private final boolean anyFileWithoutAllowedDirs;

    /**
     * @param allowedDirs directories replays may read from; absent or empty means no restriction by directory
     * @param anyFileWithoutAllowedDirs without allowed directories: true allows any readable file, false none
     */
    public ReplayFiles(Optional<List<String>> allowedDirs, boolean anyFileWithoutAllowedDirs) {
        this.allowedDirs = allowedDirs.orElse(List.of()).stream()
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir.strip()).toAbsolutePath().normalize())
                .toList();
        this.anyFileWithoutAllowedDirs = anyFileWithoutAllowedDirs;
    }

    /**
     * The real path of {@code file}, to be read by the replay.
     *
     * @throws InvalidRequestException when the path is blank, invalid, missing, not a regular file or not readable
     * @throws ForbiddenRequestException when the settings do not allow replaying this file
     */
    public Path resolve(String file) {
        Path path = absolute(file);
        if (allowedDirs.isEmpty()) {
            if (!anyFileWithoutAllowedDirs) {
                throw new ForbiddenRequestException("replay disabled: set " + ALLOWED_DIRS_KEY);
            }
            return readable(realPath(path), path);
        }
        // Checked before touching the file system, so a refused path never tells whether it exists.
        if (!underAllowedDir(path)) {
            throw outside(path);
        }
        Path real = realPath(path);
        if (!underAllowedDir(real)) {
            throw outside(path);
        }
        return readable(real, path);
    }

    private boolean underAllowedDir(Path path) {
        for (Path dir : allowedDirs) {
            if (path.startsWith(dir) || realDir(dir).map(path::startsWith).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Path> realDir(Path dir) {
        try {
            return Optional.of(dir.toRealPath());
        } catch (IOException e) {
            return Optional.empty(); // a directory that does not exist allows nothing
        }
    }

    private ForbiddenRequestException outside(Path path) {
        return new ForbiddenRequestException(
                "file " + Quoted.of(path.toString()) + " is outside the directories allowed by " + ALLOWED_DIRS_KEY);
    }

    private static Path absolute(String file) {
        if (file == null || file.isBlank()) {
            throw new InvalidRequestException("\"file\" is required: the path of a log file to replay");
        }
        try {
            return Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidRequestException("\"file\" " + Quoted.of(file) + " is not a valid path: " + e.getReason());
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InvalidRequestException("file " + Quoted.of(path.toString()) + " does not exist");
        } catch (IOException e) {
            throw new InvalidRequestException("file " + Quoted.of(path.toString()) + " is not readable");
        }
    }

    private static Path readable(Path real, Path asGiven) {
        if (!Files.isRegularFile(real)) {
            throw new InvalidRequestException("file " + Quoted.of(asGiven.toString()) + " is not a regular file");
        }
        if (!Files.isReadable(real)) {
            throw new InvalidRequestException("file " + Quoted.of(asGiven.toString()) + " is not readable");
        }
        return real;
    }
}
