package org.enginelite.kernel.netlink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.enginelite.kernel.KernelException;

/**
 * A NETLINK_ROUTE socket. It stays in the network namespace of the thread that opened it, whichever thread uses
 * it later. Requests are serialized: one request and its replies at a time.
 */
public final class NetlinkSocket implements AutoCloseable {
  /** Attempts for a dump the kernel marks interrupted (NLM_F_DUMP_INTR), as CNI's netlinksafe retries. */
  static final int DUMP_ATTEMPTS = 10;
  private static final byte[] KERNEL = sockaddrNl();

  private final int fd;
  private final byte[] receiveBuffer = new byte[64 * 1024];
  private int seq = (int) (System.nanoTime() & 0x3fffffff);
  private boolean closed;

  private NetlinkSocket(int fd) {
    this.fd = fd;
  }

  /** Opens a socket in the calling thread's network namespace. */
  public static NetlinkSocket open() {
    NetlinkLib lib = NetlinkLib.INSTANCE;
    int fd = lib.socket(NetlinkLib.AF_NETLINK, NetlinkLib.SOCK_RAW | NetlinkLib.SOCK_CLOEXEC,
        NetlinkLib.NETLINK_ROUTE);
    if (fd < 0) {
      throw new KernelException("socket", "AF_NETLINK NETLINK_ROUTE", NetlinkLib.errno());
    }
    // Best effort: a capped ack with the kernel's own explanation of a failure (netlink(7), NETLINK_EXT_ACK).
    lib.setsockopt(fd, NetlinkLib.SOL_NETLINK, NetlinkLib.NETLINK_CAP_ACK, new int[] {1}, 4);
    lib.setsockopt(fd, NetlinkLib.SOL_NETLINK, NetlinkLib.NETLINK_EXT_ACK, new int[] {1}, 4);
    return new NetlinkSocket(fd);
  }

  /**
   * Opens a socket in the calling thread's network namespace that receives the kernel's notifications of the
   * multicast groups in {@code groups} (a bit per group, {@code 1 << (RTNLGRP_x - 1)}). A receive waits at most
   * {@code timeoutMillis}.
   */
  static NetlinkSocket openSubscribed(int groups, int timeoutMillis) {
    NetlinkSocket s = open();
    NetlinkLib lib = NetlinkLib.INSTANCE;
    byte[] addr = sockaddrNl();
    java.nio.ByteBuffer.wrap(addr).order(java.nio.ByteOrder.nativeOrder()).putInt(8, groups);
    // struct timeval { long tv_sec; long tv_usec; } as four native ints on a 64-bit little-endian machine
    int[] timeout = {timeoutMillis / 1000, 0, (timeoutMillis % 1000) * 1000, 0};
    if (lib.bind(s.fd, addr, addr.length) < 0
        || lib.setsockopt(s.fd, NetlinkLib.SOL_SOCKET, NetlinkLib.SO_RCVTIMEO, timeout, 16) < 0) {
      int errno = NetlinkLib.errno();
      s.close();
      throw new KernelException("bind(netlink)", "multicast groups " + Integer.toHexString(groups), errno);
    }
    return s;
  }

  /**
   * The notifications that arrived: waits up to the socket's timeout for the first, returns an empty list when
   * none came. A {@link KernelException} with ENOBUFS when the kernel dropped some because the socket was full.
   */
  synchronized List<NlMessage> notifications() {
    return receiveOrEmpty(0);
  }

  /** Discards every notification queued so far, including the record of an overflow. */
  synchronized void drain() {
    while (true) {
      try {
        if (receiveOrEmpty(NetlinkLib.MSG_DONTWAIT).isEmpty()) {
          return;
        }
      } catch (KernelException e) {
        if (!e.is(jnr.constants.platform.Errno.ENOBUFS)) {
          throw e;
        }
      }
    }
  }

  private List<NlMessage> receiveOrEmpty(int flags) {
    checkOpen();
    while (true) {
      int n = NetlinkLib.INSTANCE.recv(fd, receiveBuffer, receiveBuffer.length, flags);
      if (n >= 0) {
        return NlMessage.split(receiveBuffer, n);
      }
      int errno = NetlinkLib.errno();
      if (errno == NetlinkLib.EAGAIN) {
        return List.of();
      }
      if (errno != 4) { // EINTR
        throw new KernelException("recv(netlink)", "notifications", errno);
      }
    }
  }

  /**
   * Sends a request with NLM_F_ACK and waits for the kernel's answer. Returns the data messages that came before
   * the acknowledgement (for example the link RTM_GETLINK asked for).
   *
   * @param call and {@code object} name the request in an error message: "RTM_NEWLINK elbr-3f2a"
   * @throws KernelException with the errno the kernel answered
   */
  synchronized List<NlMessage> request(MessageBuilder message, String call, Object object) {
    String what = call + " " + object;
    int mySeq = nextSeq();
    send(message.build(mySeq), what);
    List<NlMessage> data = new ArrayList<>();
    while (true) {
      for (NlMessage m : receive(what)) {
        if (m.seq() != mySeq) {
          continue; // a stale answer to an earlier, abandoned request
        }
        if (m.type() == Rtnl.NLMSG_ERROR) {
          int error = m.error();
          if (error != 0) {
            throw failure(call, object, -error, m.extendedAckMessage());
          }
          return data;
        }
        if (m.type() == Rtnl.NLMSG_DONE) {
          return data;
        }
        data.add(m);
      }
    }
  }

  /** One request of {@link #requestAll}: its message, its name in an error, and the failures it shrugs off. */
  record Request(MessageBuilder message, String call, Object object, Predicate<KernelException> tolerated) {}

  /**
   * Sends {@code requests} in one datagram, which the kernel handles one after the other, acknowledging each,
   * and reads every acknowledgement: one system call each way instead of one per request. The kernel goes on
   * after a failed request, so all of them are tried; the first failure not tolerated is thrown once all answered.
   */
  synchronized void requestAll(List<Request> requests) {
    if (requests.size() == 1) {
      Request r = requests.get(0);
      try {
        request(r.message(), r.call(), r.object());
      } catch (KernelException e) {
        if (!r.tolerated().test(e)) {
          throw e;
        }
      }
      return;
    }
    int firstSeq = (seq + 1) & 0x3fffffff;
    java.io.ByteArrayOutputStream datagram = new java.io.ByteArrayOutputStream();
    for (Request r : requests) {
      datagram.writeBytes(r.message().build(nextSeq()));
    }
    String what = requests.get(0).call() + " ...";
    byte[] bytes = datagram.toByteArray();
    send(bytes, what);
    KernelException[] failures = new KernelException[requests.size()];
    int answered = 0;
    while (answered < requests.size()) {
      for (NlMessage m : receive(what)) {
        int i = (m.seq() - firstSeq) & 0x3fffffff;
        if (m.type() != Rtnl.NLMSG_ERROR || i >= requests.size()) {
          continue; // a data message or a stale answer to an earlier, abandoned request
        }
        answered++;
        if (m.error() != 0) {
          Request r = requests.get(i);
          failures[i] = failure(r.call(), r.object(), -m.error(), m.extendedAckMessage());
        }
      }
    }
    for (int i = 0; i < failures.length; i++) {
      if (failures[i] != null && !requests.get(i).tolerated().test(failures[i])) {
        throw failures[i];
      }
    }
  }

  /** Sends a dump request and collects every message until NLMSG_DONE; retries dumps the kernel interrupted. */
  synchronized List<NlMessage> dump(MessageBuilder message, String call, Object object) {
    String what = call + " " + object;
    for (int attempt = 1; ; attempt++) {
      int mySeq = nextSeq();
      send(message.build(mySeq), what);
      List<NlMessage> data = new ArrayList<>();
      boolean interrupted = false;
      boolean done = false;
      while (!done) {
        for (NlMessage m : receive(what)) {
          if (m.seq() != mySeq) {
            continue;
          }
          interrupted |= (m.flags() & Rtnl.NLM_F_DUMP_INTR) != 0;
          if (m.type() == Rtnl.NLMSG_DONE) {
            done = true;
            break;
          }
          if (m.type() == Rtnl.NLMSG_ERROR) {
            if (m.error() != 0) {
              throw failure(call, object, -m.error(), m.extendedAckMessage());
            }
            done = true;
            break;
          }
          data.add(m);
        }
      }
      if (!interrupted) {
        return data;
      }
      if (attempt >= DUMP_ATTEMPTS) {
        throw new KernelException(call, object + " (dump kept changing)", 4 /* EINTR */);
      }
    }
  }

  private int nextSeq() {
    seq = (seq + 1) & 0x3fffffff;
    return seq;
  }

  private void send(byte[] bytes, String what) {
    checkOpen();
    int n = NetlinkLib.INSTANCE.sendto(fd, bytes, bytes.length, 0, KERNEL, KERNEL.length);
    if (n < 0) {
      throw new KernelException("sendto(netlink)", what, NetlinkLib.errno());
    }
  }

  private List<NlMessage> receive(String what) {
    checkOpen();
    while (true) {
      int n = NetlinkLib.INSTANCE.recv(fd, receiveBuffer, receiveBuffer.length, 0);
      if (n < 0) {
        int errno = NetlinkLib.errno();
        if (errno == 4) { // EINTR
          continue;
        }
        throw new KernelException("recv(netlink)", what, errno);
      }
      return NlMessage.split(receiveBuffer, n);
    }
  }

  private static KernelException failure(String call, Object object, int errno, String explanation) {
    return new KernelException(call, explanation == null || explanation.isEmpty() ? object
        : object + " (" + explanation + ")", errno);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("netlink socket is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      NetlinkLib.INSTANCE.close(fd);
    }
  }

  private static byte[] sockaddrNl() {
    // struct sockaddr_nl { sa_family_t nl_family; unsigned short nl_pad; __u32 nl_pid; __u32 nl_groups; }
    byte[] a = new byte[12];
    java.nio.ByteBuffer.wrap(a).order(java.nio.ByteOrder.nativeOrder()).putShort((short) NetlinkLib.AF_NETLINK);
    return a;
  }
}
