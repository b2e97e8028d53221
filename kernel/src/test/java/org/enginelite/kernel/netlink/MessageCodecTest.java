package org.enginelite.kernel.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoding and decoding without the kernel. */
class MessageCodecTest {

  @Test
  void build_headerLengthAndSequence_areFilledIn() {
    byte[] msg = new MessageBuilder(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_REQUEST).ifinfo(0, 7, 1, 1).build(42);
    ByteBuffer b = ByteBuffer.wrap(msg).order(ByteOrder.nativeOrder());
    assertEquals(32, msg.length);
    assertEquals(32, b.getInt(0));
    assertEquals(Rtnl.RTM_NEWLINK, b.getShort(4));
    assertEquals(42, b.getInt(8));
    assertEquals(7, b.getInt(20));
  }

  @Test
  void attributes_paddedAndNested_roundTrip() {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_NEWLINK, 0).ifinfo(0, 0, 0, 0)
        .attrString(Rtnl.IFLA_IFNAME, "elbr-abc")
        .attrU32(Rtnl.IFLA_MTU, 1400);
    int info = m.beginNested(Rtnl.IFLA_LINKINFO);
    m.attrString(Rtnl.IFLA_INFO_KIND, "bridge");
    m.endNested(info);
    m.attr(Rtnl.IFLA_ADDRESS, new byte[] {2, 0x42, 1, 2, 3, 4});
    byte[] bytes = m.build(1);
    assertEquals(0, bytes.length % 4);

    NlMessage parsed = NlMessage.split(bytes, bytes.length).get(0);
    Attributes a = parsed.attributes(Rtnl.IFINFOMSG_LEN);
    assertEquals("elbr-abc", a.string(Rtnl.IFLA_IFNAME));
    assertEquals(1400, a.u32(Rtnl.IFLA_MTU, -1));
    assertEquals("bridge", a.nested(Rtnl.IFLA_LINKINFO).string(Rtnl.IFLA_INFO_KIND));
    assertArrayEquals(new byte[] {2, 0x42, 1, 2, 3, 4}, a.bytes(Rtnl.IFLA_ADDRESS));
    assertNull(a.string(Rtnl.IFLA_IFALIAS));
    assertEquals(-1, a.u32(Rtnl.IFLA_MASTER, -1));
  }

  @Test
  void split_twoMessagesInOneDatagram_yieldsBoth() {
    byte[] one = new MessageBuilder(Rtnl.RTM_NEWADDR, Rtnl.NLM_F_MULTI).ifaddr(2, 24, 0, 3).build(5);
    byte[] two = new MessageBuilder(Rtnl.NLMSG_DONE, Rtnl.NLM_F_MULTI).attrU32(1, 0).build(5);
    byte[] both = new byte[one.length + two.length + 8];
    System.arraycopy(one, 0, both, 0, one.length);
    System.arraycopy(two, 0, both, one.length, two.length);
    List<NlMessage> msgs = NlMessage.split(both, one.length + two.length);
    assertEquals(2, msgs.size());
    assertEquals(Rtnl.RTM_NEWADDR, msgs.get(0).type());
    assertEquals(24, msgs.get(0).payload().get(1));
    assertEquals(Rtnl.NLMSG_DONE, msgs.get(1).type());
  }

  @Test
  void attributes_truncatedLength_stopsWithoutReadingGarbage() {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
    b.putShort((short) 8).putShort((short) 3).putInt(0x41414141).putShort((short) 40).putShort((short) 4);
    b.flip();
    Attributes a = Attributes.parse(b);
    assertTrue(a.has(3));
    assertTrue(!a.has(4));
  }
}
