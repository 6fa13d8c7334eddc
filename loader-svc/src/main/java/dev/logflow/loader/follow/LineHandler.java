package dev.logflow.loader.follow;

/** Receives the complete lines {@link LineReader} finds. */
@FunctionalInterface
public interface LineHandler {

    /**
     * One line, without its {@code \n}; the bytes are only valid during the call.
     *
     * @param offset byte offset of the line in its file
     * @param whole false for a piece of a line longer than the read buffer
     * @return false to stop reading after this line
     */
    boolean onLine(byte[] buf, int off, int len, long offset, boolean whole);
}
