/**
 * Shared JSON plumbing: the one strict Jackson mapper and canonical (deterministic) writer
 * ({@link org.darkflight.io.json.Json}), and JSON Schema validation of inbound files with errors
 * that name file, JSON pointer and reason ({@link org.darkflight.io.json.JsonSchemas}).
 */
package org.darkflight.io.json;
