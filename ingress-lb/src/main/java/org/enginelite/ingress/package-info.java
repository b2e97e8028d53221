/**
 * An L4 (TCP and UDP) load balancer on Netty's native io_uring transport (epoll where the kernel does not offer
 * io_uring), usable as a library.
 *
 * <p>A {@link org.enginelite.ingress.LoadBalancer} owns the event loops (one per core by default). Each
 * {@link org.enginelite.ingress.LoadBalancer#listen listen} binds a {@link org.enginelite.ingress.Frontend} with
 * one SO_REUSEPORT socket per loop and returns a {@link org.enginelite.ingress.Listener}, whose backend set is
 * replaced at any time with {@link org.enginelite.ingress.Listener#setBackends}: new connections round-robin
 * over the new set, established ones stay on their backend (a removed backend drains). TCP payload moves with
 * buffer copies, batched into one io_uring_enter per loop iteration on io_uring; on epoll, bulk streams move
 * with splice(2) inside the kernel. Reading a side pauses while the other side holds more than 64 KiB unsent,
 * so a slow reader never makes the process buffer more than that and one read chunk per direction.
 * A refused or timed-out backend is skipped for a back-off and then tried again (passive health); active TCP
 * checks are optional. UDP flows are pinned per client address and expire when idle.
 *
 * <h2>Embedding: a published port of a service</h2>
 *
 * <pre>{@code
 * LoadBalancer lb = LoadBalancer.create();                 // once per engine
 * Listener port4000 = lb.listen(
 *     Frontend.tcp(new InetSocketAddress(4000)),           // host port, all interfaces
 *     List.of(new InetSocketAddress("10.0.0.3", 80)));     // task IP:port
 * // tasks come and go: pass the whole current set each time
 * port4000.setBackends(List.of(task1, task2, task3));
 * FrontendStats s = port4000.stats();                      // connections and bytes, per backend too
 * port4000.close();                                        // port unpublished
 * lb.close();                                              // engine shutdown
 * }</pre>
 *
 * <p>Bind conflicts raise {@link org.enginelite.driver.ConflictException}; malformed options raise
 * {@link org.enginelite.driver.InvalidParameterException}. {@link org.enginelite.ingress.HostPort#parse} reads
 * {@code HOST:PORT} as users type it.
 */
package org.enginelite.ingress;
