package org.enginelite.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** One received netlink message: header fields and the payload after the 16-byte header. */
record NlMessage(int type, int flags, int seq, ByteBuffer payload) {

  /** Splits a datagram into its messages; they own a copy, so the receive buffer can be reused. */
  static List<NlMessage> split(byte[] received, int length) {
    byte[] data = java.util.Arrays.copyOf(received, length);
    ByteBuffer b = ByteBuffer.wrap(data, 0, length).order(ByteOrder.nativeOrder());
    List<NlMessage> out = new ArrayList<>();
    while (b.remaining() >= Rtnl.NLMSG_HDRLEN) {
      int start = b.position();
      int len = b.getInt(start);
      if (len < Rtnl.NLMSG_HDRLEN || start + len > length) {
        break;
      }
      int type = Short.toUnsignedInt(b.getShort(start + 4));
      int flags = Short.toUnsignedInt(b.getShort(start + 6));
      int seq = b.getInt(start + 8);
      ByteBuffer payload = ByteBuffer.wrap(data, start + Rtnl.NLMSG_HDRLEN, len - Rtnl.NLMSG_HDRLEN).slice()
          .order(ByteOrder.nativeOrder());
      out.add(new NlMessage(type, flags, seq, payload));
      b.position(Math.min(length, start + MessageBuilder.align(len)));
    }
    return out;
  }

  /** The attributes after a fixed family header of {@code headerLength} bytes. */
  Attributes attributes(int headerLength) {
    ByteBuffer b = payload.duplicate().order(ByteOrder.nativeOrder());
    b.position(Math.min(b.limit(), MessageBuilder.align(headerLength)));
    return Attributes.parse(b);
  }

  /** For NLMSG_ERROR: the negative errno, 0 for an acknowledgement. */
  int error() {
    return payload.getInt(0);
  }

  /** For NLMSG_ERROR with extended ack: the kernel's explanation, or null. */
  String extendedAckMessage() {
    if ((flags & Rtnl.NLM_F_ACK_TLVS) == 0 || payload.remaining() < 4 + Rtnl.NLMSG_HDRLEN) {
      return null;
    }
    int offset = 4 + Rtnl.NLMSG_HDRLEN;
    if ((flags & Rtnl.NLM_F_CAPPED) == 0) {
      offset = 4 + payload.getInt(4); // the whole original request was echoed back
    }
    if (offset >= payload.limit()) {
      return null;
    }
    ByteBuffer b = payload.duplicate();
    b.position(MessageBuilder.align(offset));
    return Attributes.parse(b).string(Rtnl.NLMSGERR_ATTR_MSG);
  }
}
