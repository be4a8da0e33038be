/**
 * {@code darkflight serve}: the HTTP service on the JDK's {@code com.sun.net.httpserver}
 * (POST /simulate, GET /healthz, GET /metrics, GET /openapi.json) with bounded request size,
 * bounded concurrent runs and a per-request timeout. See docs/service.md.
 */
package org.darkflight.pipeline.service;
