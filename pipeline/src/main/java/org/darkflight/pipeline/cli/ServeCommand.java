package org.darkflight.pipeline.cli;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.darkflight.pipeline.service.ServiceLimits;
import org.darkflight.pipeline.service.SimulationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code darkflight serve}: the HTTP service (docs/service.md); runs until killed. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves simulations over HTTP until interrupted.",
        "Endpoints: POST /simulate, GET /healthz, GET /metrics and GET /openapi.json",
        "(Jetty; idle timeout, connection limit and run timeout below)",
        "(docs/service.md)."})
public final class ServeCommand implements DarkflightCommand {

  @Spec CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(names = "--max-concurrent", defaultValue = "2",
      description = "Simulations run at once; more get 429 (default: ${DEFAULT-VALUE}).")
  int maxConcurrent;

  @Option(names = "--max-body-bytes", defaultValue = "1048576",
      description = "Largest request body; more gets 413 (default: ${DEFAULT-VALUE}).")
  int maxBodyBytes;

  @Option(names = "--timeout-s", defaultValue = "120",
      description = "Longest simulation; longer gets 504 (default: ${DEFAULT-VALUE}).")
  long timeoutS;

  @Option(names = "--max-samples", defaultValue = "10000",
      description = "Largest ensemble per request; more gets 422 (default: ${DEFAULT-VALUE}).")
  long maxSamples;

  @Option(names = "--idle-timeout-s", defaultValue = "30",
      description = "A connection on which nothing arrives or leaves for this long is closed"
          + " (stalled or trickled requests, idle keep-alive; default: ${DEFAULT-VALUE}).")
  long idleTimeoutS;

  @Option(names = "--max-connections", defaultValue = "256",
      description = "Open connections at most; more wait in the accept queue"
          + " (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--min-body-bytes-per-s", defaultValue = "1024",
      description = "A request body arriving slower than this on average is abandoned"
          + " (default: ${DEFAULT-VALUE}; 0 = no minimum).")
  long minBodyBytesPerS;

  @picocli.CommandLine.Mixin FailureShareOption failureShare;

  @Override
  public Integer call() throws Exception {
    double maxFailureShare = failureShare.share();
    ServiceLimits limits;
    try {
      limits = new ServiceLimits(maxBodyBytes, maxConcurrent, Duration.ofSeconds(timeoutS),
          maxSamples, ServiceLimits.DEFAULTS.maxJsonDepth(), Duration.ofSeconds(idleTimeoutS),
          maxConnections, minBodyBytesPerS);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    SimulationService service = new SimulationService(new InetSocketAddress(host, port), limits,
        maxFailureShare);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stop.countDown();
    }, "darkflight-serve-shutdown"));
    service.start();
    spec.commandLine().getOut().printf("darkflight serve: listening on http://%s:%d/%n", host,
        service.port());
    spec.commandLine().getOut().flush();
    stop.await();
    return 0;
  }
}
