package org.darkflight.pipeline.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.apache.flink.runtime.util.EnvironmentInformation;

/**
 * Checks, before a job is built, that a Flink master address answers like a Flink session
 * cluster of the version our FlinkRunner speaks. Without it, Flink's REST client retries an
 * unreachable address for minutes before it gives up with a nested stack trace.
 */
public final class FlinkMasterProbe {

  /** How long to wait for the TCP connection to the master. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** How long to wait for the {@code /overview} answer. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** The Flink master cannot be used; the message is one line that says why and what to do. */
  public static final class UnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What the master reported. */
  public record Overview(String flinkVersion, int taskManagers, int slotsTotal) {}

  private FlinkMasterProbe() {}

  /** Parses {@code host:port} into a REST base URI. */
  static URI parse(String master) {
    String hostPort = master.startsWith("http://") ? master.substring(7) : master;
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException("--flinkMaster: expected HOST:PORT of the cluster's REST "
          + "endpoint, e.g. localhost:8081, got '" + master + "'");
    }
    String port = hostPort.substring(colon + 1);
    if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
      throw new IllegalArgumentException("--flinkMaster: port must be a number 1-65535, got '"
          + port + "'");
    }
    try {
      return URI.create("http://" + hostPort);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--flinkMaster: " + e.getMessage(), e);
    }
  }

  /**
   * Asks {@code master}'s REST API for {@code /overview}.
   *
   * @throws UnreachableException when nothing answers in time, or not like Flink 1.x of our
   *     major.minor version
   */
  public static Overview requireFlink(String master) {
    URI base = parse(master);
    String advice = " Start a cluster with runner-configs/start-flink-cluster.sh, check the "
        + "address, or run without a cluster with --flink-local.";
    HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/overview"))
        .timeout(REQUEST_TIMEOUT).GET().build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw new UnreachableException("Flink master " + master + " is unreachable: no connection"
          + " within " + CONNECT_TIMEOUT.toSeconds() + " s." + advice, e);
    } catch (HttpTimeoutException e) {
      throw new UnreachableException("Flink master " + master + " accepted the connection but "
          + "did not answer /overview within " + REQUEST_TIMEOUT.toSeconds() + " s." + advice, e);
    } catch (ConnectException e) {
      throw new UnreachableException("Flink master " + master + " is unreachable: connection "
          + "refused (nothing listens there)." + advice, e);
    } catch (IOException e) {
      throw new UnreachableException("Flink master " + master + " is unreachable: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "."
          + advice, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("interrupted while contacting Flink master " + master, e);
    }
    JsonNode json;
    try {
      json = response.statusCode() == 200 ? new ObjectMapper().readTree(response.body()) : null;
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.hasNonNull("flink-version")) {
      throw new UnreachableException("Flink master " + master + " answered HTTP "
          + response.statusCode() + " to /overview, not like a Flink REST endpoint (is "
          + "--flinkMaster the REST port, 8081 by default, not the RPC port 6123?)", null);
    }
    Overview overview = new Overview(json.get("flink-version").asText(),
        json.path("taskmanagers").asInt(0), json.path("slots-total").asInt(0));
    String ours = EnvironmentInformation.getVersion();
    if (!majorMinor(ours).isEmpty() && !majorMinor(overview.flinkVersion()).isEmpty()
        && !majorMinor(ours).equals(majorMinor(overview.flinkVersion()))) {
      throw new UnreachableException("Flink master " + master + " runs Flink "
          + overview.flinkVersion() + " but darkflight's FlinkRunner is built for Flink " + ours
          + "; use a " + majorMinor(ours) + ".x cluster (runner-configs/start-flink-cluster.sh)",
          null);
    }
    return overview;
  }

  /** "1.19" of "1.19.0"; empty when the version is unknown. */
  static String majorMinor(String version) {
    if (version == null) {
      return "";
    }
    String[] parts = version.split("\\.");
    return parts.length >= 2 && parts[0].matches("\\d+") && parts[1].matches("\\d+")
        ? parts[0] + "." + parts[1] : "";
  }
}
