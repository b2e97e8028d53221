package org.enginelite.engine.swarm;

/** The labels Docker's swarm puts on task containers; {@code docker ps} and tools filter on them. */
public final class SwarmLabels {

  public static final String SERVICE_ID = "com.docker.swarm.service.id";
  public static final String SERVICE_NAME = "com.docker.swarm.service.name";
  public static final String TASK = "com.docker.swarm.task";
  public static final String TASK_ID = "com.docker.swarm.task.id";
  public static final String TASK_NAME = "com.docker.swarm.task.name";
  public static final String NODE_ID = "com.docker.swarm.node.id";
  public static final String STACK_NAMESPACE = "com.docker.stack.namespace";

  private SwarmLabels() {}
}
