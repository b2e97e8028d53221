package org.enginelite.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class ImageRefsTest {
  @Test
  void normalize_addsLatestKeepsPorts() {
    assertEquals("busybox:latest", ImageRefs.normalize("busybox"));
    assertEquals("busybox:1", ImageRefs.normalize("busybox:1"));
    assertEquals("host:5000/app:latest", ImageRefs.normalize("host:5000/app"));
    assertEquals("busybox:latest", ImageRefs.normalize("docker.io/library/busybox"));
  }

  @Test
  void tagOf_validatesLikeDocker() {
    assertEquals("my/app:v1", ImageRefs.tagOf("my/app", "v1"));
    assertNull(ImageRefs.tagOf("", ""));
    assertThrows(InvalidParameterException.class, () -> ImageRefs.tagOf("Upper", "1"));
    assertThrows(InvalidParameterException.class, () -> ImageRefs.tagOf("ok", "bad tag"));
    // The docker CLI sends fully qualified names; images keep Docker's familiar ones.
    assertEquals("foo:v2", ImageRefs.tagOf("docker.io/library/foo", "v2"));
    assertEquals("me/foo:latest", ImageRefs.tagOf("docker.io/me/foo", ""));
  }
}
