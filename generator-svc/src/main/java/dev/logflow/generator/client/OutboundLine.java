package dev.logflow.generator.client;

/**
 * A line on its way to Flume, without its newline.
 *
 * @param bytes UTF-8 bytes of the line, never containing {@code \n}
 * @param reference what the line is in the caller's terms (a sequence or a file line number), for logs
 * @param resend whether this is a second or later attempt
 */
public record OutboundLine(byte[] bytes, long reference, boolean resend) {

    /** A first attempt. */
    public static OutboundLine of(byte[] bytes, long reference) {
        return new OutboundLine(bytes, reference, false);
    }

    /** The same line, marked as a resend. */
    public OutboundLine asResend() {
        return resend ? this : new OutboundLine(bytes, reference, true);
    }
}
