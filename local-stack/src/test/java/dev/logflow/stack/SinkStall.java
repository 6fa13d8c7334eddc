package dev.logflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes Flume's sink directory refuse new files, so the file_roll sink stops at its next roll (it opens files only
 * then) and Flume's channel fills up; {@link #close()} makes it usable again. Files already there stay readable and
 * the file being written stays writable, so nothing acknowledged is lost, and the loader keeps reading.
 *
 * <p>Taking write permission away is enough for an ordinary user; root ignores it, so then the directory is also
 * marked immutable with {@code chattr +i} (ext4 and most Linux file systems). When neither works the stall fails
 * loudly rather than letting a fault test pass without its fault.
 */
final class SinkStall implements AutoCloseable {

    private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r-xr-xr-x");
    private static final long CHATTR_TIMEOUT_SECONDS = 30;

    private final Path dir;
    private final Set<PosixFilePermission> original;
    private boolean immutable;
    private boolean released;

    private SinkStall(Path dir) throws IOException {
        this.dir = dir;
        this.original = Files.getPosixFilePermissions(dir);
    }

    /** Stalls the sink writing into {@code dir}. */
    static SinkStall on(Path dir) {
        try {
            SinkStall stall = new SinkStall(dir);
            stall.lock();
            return stall;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stall the sink directory " + dir, e);
        }
    }

    private void lock() throws IOException {
        Files.setPosixFilePermissions(dir, READ_ONLY);
        if (canCreateFiles()) {
            chattr("+i");
            immutable = true;
        }
        if (canCreateFiles()) {
            close();
            throw new IllegalStateException("cannot make " + dir + " refuse new files (permissions and chattr +i)");
        }
    }

    /** Whether a new file can be created in the directory; a probe file is removed at once. */
    private boolean canCreateFiles() throws IOException {
        try {
            Files.delete(Files.createTempFile(dir, "stall-probe", ".tmp"));
            return true;
        } catch (FileSystemException e) {
            return false;
        }
    }

    /** Makes the directory usable again; the sink opens its next file at its next attempt. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (immutable) {
                chattr("-i");
            }
            Files.setPosixFilePermissions(dir, original);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the sink directory " + dir, e);
        }
    }

    private void chattr(String flag) throws IOException {
        Process process = new ProcessBuilder(List.of("chattr", flag, dir.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            if (!process.waitFor(CHATTR_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("chattr " + flag + " " + dir + " did not finish");
            }
            String output = new String(process.getInputStream().readAllBytes());
            if (process.exitValue() != 0) {
                throw new IOException("chattr " + flag + " " + dir + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running chattr", e);
        }
    }
}
