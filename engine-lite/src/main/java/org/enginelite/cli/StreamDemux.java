package org.enginelite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a container's output stream to the terminal. Without a TTY the daemon multiplexes stdout and stderr on
 * one stream, each frame an 8-byte header [stream, 0, 0, 0, size (big-endian uint32)] then the payload (Docker
 * API: "Stream format" of /containers/{id}/attach).
 */
public final class StreamDemux {

  private StreamDemux() {}

  public static void copy(InputStream in, OutputStream stdout, OutputStream stderr, boolean tty) throws IOException {
    if (tty) {
      byte[] buf = new byte[32 * 1024];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        stdout.write(buf, 0, n);
        stdout.flush();
      }
      return;
    }
    byte[] header = new byte[8];
    byte[] buf = new byte[32 * 1024];
    while (readFully(in, header, 8)) {
      OutputStream target = header[0] == 2 ? stderr : stdout;
      long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
          | (header[7] & 0xff);
      while (size > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, size));
        if (n < 0) {
          return;
        }
        target.write(buf, 0, n);
        size -= n;
      }
      target.flush();
    }
  }

  private static boolean readFully(InputStream in, byte[] b, int len) throws IOException {
    int off = 0;
    while (off < len) {
      int n = in.read(b, off, len - off);
      if (n < 0) {
        return false;
      }
      off += n;
    }
    return true;
  }
}
