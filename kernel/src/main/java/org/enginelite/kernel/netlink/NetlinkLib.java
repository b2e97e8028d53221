package org.enginelite.kernel.netlink;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * Raw socket calls for netlink, C names and C semantics (-1 and errno); only {@link NetlinkSocket} uses them. Public
 * only because JNR generates its implementation in another class loader.
 */
public interface NetlinkLib {
  NetlinkLib INSTANCE = LibraryLoader.create(NetlinkLib.class).load("c");

  int socket(int domain, int type, int protocol);

  int setsockopt(int fd, int level, int optname, @In int[] optval, int optlen);

  int sendto(int fd, @In byte[] buf, long len, int flags, @In byte[] destAddr, int addrlen);

  int recv(int fd, @Out byte[] buf, long len, int flags);

  int bind(int fd, @In byte[] addr, int addrlen);

  int close(int fd);

  static int errno() {
    return Runtime.getRuntime(INSTANCE).getLastError();
  }

  int AF_NETLINK = 16;
  int SOCK_RAW = 3;
  int SOCK_CLOEXEC = 02000000;
  int NETLINK_ROUTE = 0;
  int SOL_NETLINK = 270;
  int NETLINK_CAP_ACK = 10;
  int NETLINK_EXT_ACK = 11;
  int SOL_SOCKET = 1;
  int SO_RCVBUF = 8;
  int SO_RCVTIMEO = 20;
  int MSG_DONTWAIT = 0x40;
  int EAGAIN = 11;
  int ENOBUFS = 105;
}
