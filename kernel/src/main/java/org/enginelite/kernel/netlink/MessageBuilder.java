package org.enginelite.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one netlink request: the 16-byte header, a fixed family header (ifinfomsg, ifaddrmsg, rtmsg) and
 * 4-byte-aligned attributes, nested ones included. Host byte order, as netlink is. Pure Java, testable without root.
 */
final class MessageBuilder {
  private ByteBuffer buf = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());

  MessageBuilder(int type, int flags) {
    buf.putInt(0); // length, set by build
    buf.putShort((short) type);
    buf.putShort((short) flags);
    buf.putInt(0); // sequence, set by build
    buf.putInt(0); // port id: 0 addresses the kernel
  }

  /** struct ifinfomsg. */
  MessageBuilder ifinfo(int family, int index, int flags, int change) {
    ensure(Rtnl.IFINFOMSG_LEN);
    buf.put((byte) family).put((byte) 0).putShort((short) 0).putInt(index).putInt(flags).putInt(change);
    return this;
  }

  /** struct ifaddrmsg. */
  MessageBuilder ifaddr(int family, int prefixLength, int scope, int index) {
    ensure(Rtnl.IFADDRMSG_LEN);
    buf.put((byte) family).put((byte) prefixLength).put((byte) 0).put((byte) scope).putInt(index);
    return this;
  }

  /** struct rtmsg. */
  MessageBuilder rtmsg(int family, int dstLength, int table, int protocol, int scope, int type) {
    ensure(Rtnl.RTMSG_LEN);
    buf.put((byte) family).put((byte) dstLength).put((byte) 0).put((byte) 0)
        .put((byte) table).put((byte) protocol).put((byte) scope).put((byte) type).putInt(0);
    return this;
  }

  MessageBuilder attr(int type, byte[] value) {
    int len = 4 + value.length;
    ensure(align(len));
    buf.putShort((short) len).putShort((short) type).put(value);
    pad();
    return this;
  }

  MessageBuilder attrU32(int type, int value) {
    ensure(8);
    buf.putShort((short) 8).putShort((short) type).putInt(value);
    return this;
  }

  MessageBuilder attrU8(int type, int value) {
    return attr(type, new byte[] {(byte) value});
  }

  /** A NUL-terminated string attribute (NLA_STRING / NLA_NUL_STRING accept it). */
  MessageBuilder attrString(int type, String value) {
    byte[] s = value.getBytes(StandardCharsets.UTF_8);
    return attr(type, Arrays.copyOf(s, s.length + 1));
  }

  /** Opens a nested attribute; close it with {@link #endNested(int)} passing the returned position. */
  int beginNested(int type) {
    ensure(4);
    int start = buf.position();
    buf.putShort((short) 0).putShort((short) (type | Rtnl.NLA_F_NESTED));
    return start;
  }

  MessageBuilder endNested(int start) {
    buf.putShort(start, (short) (buf.position() - start));
    return this;
  }

  /** The finished message with the given sequence number. */
  byte[] build(int seq) {
    buf.putInt(0, buf.position());
    buf.putInt(8, seq);
    return Arrays.copyOf(buf.array(), buf.position());
  }

  static int align(int len) {
    return (len + 3) & ~3;
  }

  private void pad() {
    while ((buf.position() & 3) != 0) {
      buf.put((byte) 0);
    }
  }

  private void ensure(int more) {
    if (buf.remaining() < more + 4) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more + 64))
          .order(ByteOrder.nativeOrder());
      buf.flip();
      bigger.put(buf);
      buf = bigger;
    }
  }
}
