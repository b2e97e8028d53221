package org.enginelite.kernel.netlink;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import jnr.constants.platform.Errno;
import org.enginelite.driver.FutureResults;
import org.enginelite.kernel.KernelException;

/**
 * Deletes a link and returns as soon as it is gone from its namespace, without waiting for the kernel to free it.
 *
 * <p>The kernel acknowledges RTM_DELLINK only after netdev_run_todo(), which runs once the RTNL lock is released
 * and waits for an RCU barrier (a full grace period, 10-30 ms) before freeing the device. Everything anyone can
 * observe happens earlier, under the lock: the device is unlisted (its name and index are free), its bridge ports,
 * addresses, routes and neighbours are flushed, its sysfs entry is removed, and the RTM_DELLINK notification is
 * sent. So the request goes out on a thread of its own, and the caller waits for that notification, then for the
 * lock once (a second RTM_DELLINK of the same index, answered ENODEV only after the first one released the
 * lock). The deleting thread finishes the wait for the barrier in the background.
 */
final class LinkRemoval implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LinkRemoval.class.getName());
  private static final int RTNLGRP_LINK = 1;
  /** How often a waiting caller checks whether the deletion failed (then no notification comes). */
  private static final int POLL_MILLIS = 2;

  private final NetlinkSocket requests;
  private final Function<Callable<NetlinkSocket>, NetlinkSocket> openInNamespace;
  private final ConcurrentLinkedDeque<Channel> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;
  private final ExecutorService deleters = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "netlink link deletion");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param requests the namespace's request socket, for the confirming request
   * @param openInNamespace opens a socket with the given call run inside the namespace
   */
  LinkRemoval(NetlinkSocket requests, Function<Callable<NetlinkSocket>, NetlinkSocket> openInNamespace) {
    this.requests = requests;
    this.openInNamespace = openInNamespace;
  }

  /** A socket the deletion is sent on and one that hears of it; one removal at a time uses a channel. */
  private record Channel(NetlinkSocket deleter, NetlinkSocket events) {
    void close() {
      deleter.close();
      events.close();
    }
  }

  /** Deletes the link with index {@code index}; true when it existed. A veth's peer goes with it. */
  boolean remove(int index) {
    Channel channel = channel();
    Channel c = channel;
    Future<Boolean> deletion;
    try {
      c.events().drain();
      deletion = deleters.submit(() -> {
        try {
          return Links.delete(c.deleter(), index);
        } finally {
          release(c);
        }
      });
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    if (!awaitNotification(channel.events(), index, deletion)) {
      return FutureResults.await(deletion);
    }
    // Answered only once the deleting request released the RTNL lock, so after everything observable is done.
    Links.delete(requests, index);
    return true;
  }

  /** Sends the deletion on a deleting thread without waiting for it; see {@link Links#removeInBackground}. */
  void removeInBackground(int index, Runnable done) {
    Channel c;
    try {
      c = channel();
    } catch (RuntimeException e) {
      done.run();
      throw e;
    }
    try {
      deleters.execute(() -> {
        try {
          Links.delete(c.deleter(), index);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "deleting link #" + index + " in the background: " + e.getMessage());
        } finally {
          release(c);
          done.run();
        }
      });
    } catch (RuntimeException e) { // closed: the owner's reconciliation finds the link
      c.close();
      done.run();
    }
  }

  /** An idle channel, or a new one opened in the namespace (by the calling thread, see Rtnetlink#open). */
  private Channel channel() {
    Channel channel = idle.poll();
    if (channel == null) {
      channel = new Channel(openInNamespace.apply(NetlinkSocket::open),
          openInNamespace.apply(() -> NetlinkSocket.openSubscribed(1 << (RTNLGRP_LINK - 1), POLL_MILLIS)));
    }
    return channel;
  }

  /** True once the kernel announced the link's removal; false when the deletion finished first or failed. */
  private static boolean awaitNotification(NetlinkSocket events, int index, Future<Boolean> deletion) {
    while (true) {
      try {
        for (NlMessage m : events.notifications()) {
          if (m.type() == Rtnl.RTM_DELLINK && m.payload().getInt(4) == index) {
            return true;
          }
        }
      } catch (KernelException e) {
        if (e.is(Errno.ENOBUFS)) {
          return false; // notifications were lost: the deletion's own answer is the one left to wait for
        }
        throw e;
      }
      if (deletion.isDone()) {
        return false;
      }
    }
  }

  private void release(Channel c) {
    idle.push(c);
    if (closed && idle.remove(c)) {
      c.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    deleters.shutdown();
    for (Channel c; (c = idle.poll()) != null; ) {
      c.close();
    }
  }
}
