package org.enginelite.engine.container;

/**
 * Docker's multiplexed stream for containers without a TTY: each frame is an 8-byte header (stream type
 * 1 stdout or 2 stderr, three zero bytes, big-endian payload length) followed by the payload.
 */
public final class StreamFrames {
  public static final int STDOUT = 1;
  public static final int STDERR = 2;

  private StreamFrames() {}

  public static byte[] frame(int stream, byte[] payload, int offset, int length) {
    byte[] out = new byte[8 + length];
    out[0] = (byte) stream;
    out[4] = (byte) (length >>> 24);
    out[5] = (byte) (length >>> 16);
    out[6] = (byte) (length >>> 8);
    out[7] = (byte) length;
    System.arraycopy(payload, offset, out, 8, length);
    return out;
  }

  public static byte[] frame(int stream, byte[] payload) {
    return frame(stream, payload, 0, payload.length);
  }
}
