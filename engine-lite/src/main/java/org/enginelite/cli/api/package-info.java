/**
 * Request bodies the CLI sends, as Docker Engine API v1.41 JSON records with Docker's field names, kept apart
 * from the verbs that fill them. Responses are read as JSON trees, since the CLI prints only a few fields of
 * each.
 */
package org.enginelite.cli.api;
