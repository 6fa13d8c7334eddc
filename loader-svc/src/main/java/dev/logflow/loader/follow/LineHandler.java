package dev.logflow.loader.follow;

/** Receives the complete lines {@link LineReader} finds. */
public interface LineHandler {

    /**
     * One line, without its {@code \n}; the bytes are only valid during the call.
     *
     * @param offset byte offset of the line in its file
     * @return false to stop reading after this line
     */
    boolean onLine(byte[] buf, int off, int len, long offset);

    /**
     * One complete line longer than the read buffer, handed over once and never in pieces, so no part of it can pass
     * for a line of its own.
     *
     * @param head the first bytes of the line, valid only during the call
     * @param headLen how many bytes of {@code head} hold the start of the line
     * @param offset byte offset of the line in its file
     * @param length the full length of the line in bytes, without its {@code \n}
     * @return false to stop reading after this line
     */
    boolean onLongLine(byte[] head, int headLen, long offset, long length);
}
