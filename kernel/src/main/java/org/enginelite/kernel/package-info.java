/**
 * The only package tree that calls into the kernel (netlink, namespaces, mount, sysctl) through JNR-FFI.
 * Callers see facades that throw {@link org.enginelite.kernel.KernelException}-style errors, never errno ints.
 */
package org.enginelite.kernel;
