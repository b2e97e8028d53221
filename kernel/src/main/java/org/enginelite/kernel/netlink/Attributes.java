package org.enginelite.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads a run of netlink attributes (struct nlattr TLVs, 4-byte aligned) into a map by type. */
final class Attributes {
  private final Map<Integer, ByteBuffer> byType;

  private Attributes(Map<Integer, ByteBuffer> byType) {
    this.byType = byType;
  }

  /** Parses from {@code buf}'s position to its limit; the buffer is not modified. */
  static Attributes parse(ByteBuffer buf) {
    ByteBuffer b = buf.duplicate().order(ByteOrder.nativeOrder());
    Map<Integer, ByteBuffer> map = new HashMap<>();
    while (b.remaining() >= 4) {
      int start = b.position();
      int len = Short.toUnsignedInt(b.getShort(start));
      int type = Short.toUnsignedInt(b.getShort(start + 2)) & Rtnl.NLA_TYPE_MASK;
      if (len < 4 || start + len > b.limit()) {
        break; // truncated or corrupt: stop rather than read garbage
      }
      ByteBuffer value = b.duplicate().order(ByteOrder.nativeOrder());
      value.position(start + 4).limit(start + len);
      map.put(type, value.slice().order(ByteOrder.nativeOrder()));
      b.position(Math.min(b.limit(), start + MessageBuilder.align(len)));
    }
    return new Attributes(map);
  }

  boolean has(int type) {
    return byType.containsKey(type);
  }

  /** A string attribute without its terminating NUL, or null when absent. */
  String string(int type) {
    ByteBuffer v = byType.get(type);
    if (v == null) {
      return null;
    }
    byte[] bytes = bytes(type);
    int n = 0;
    while (n < bytes.length && bytes[n] != 0) {
      n++;
    }
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  /** A u32 attribute, or {@code fallback} when absent. */
  int u32(int type, int fallback) {
    ByteBuffer v = byType.get(type);
    return v == null || v.remaining() < 4 ? fallback : v.getInt(0);
  }

  /** Raw bytes of an attribute, or null when absent. */
  byte[] bytes(int type) {
    ByteBuffer v = byType.get(type);
    if (v == null) {
      return null;
    }
    byte[] out = new byte[v.remaining()];
    v.duplicate().get(out);
    return out;
  }

  /** The attributes nested inside {@code type}, empty when absent. */
  Attributes nested(int type) {
    ByteBuffer v = byType.get(type);
    return v == null ? new Attributes(Map.of()) : parse(v);
  }
}
