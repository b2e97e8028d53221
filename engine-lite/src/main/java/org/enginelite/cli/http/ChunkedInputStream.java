package org.enginelite.cli.http;

import java.io.IOException;
import java.io.InputStream;

/** Decodes a {@code Transfer-Encoding: chunked} body (RFC 9112 section 7.1); trailers are skipped. */
final class ChunkedInputStream extends InputStream {

  private final InputStream in;
  private long remaining;
  private boolean done;

  ChunkedInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (done) {
      return -1;
    }
    if (remaining == 0) {
      remaining = nextChunkSize();
      if (remaining == 0) {
        done = true;
        while (!HttpHead.readLine(in).isEmpty()) {
          // trailer lines
        }
        return -1;
      }
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new IOException("connection closed in the middle of a chunk");
    }
    remaining -= n;
    if (remaining == 0) {
      HttpHead.readLine(in);
    }
    return n;
  }

  private long nextChunkSize() throws IOException {
    String line = HttpHead.readLine(in);
    int semi = line.indexOf(';');
    String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
    try {
      return Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size \"" + line + "\"");
    }
  }
}
