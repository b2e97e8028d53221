/**
 * Request bodies the CLI sends, as Docker Engine API v1.41 JSON records with Docker's field names, kept apart
 * from the verbs that fill them. Responses are read as JSON trees, since the CLI prints only a few fields of
 * each; the container list, which ps reads on every call, has a streaming reader of its own
 * ({@link org.enginelite.cli.api.ContainerListReader}) that keeps jackson-databind off that path.
 */
package org.enginelite.cli.api;
