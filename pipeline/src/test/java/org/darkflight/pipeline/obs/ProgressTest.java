package org.darkflight.pipeline.obs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.darkflight.transforms.integrate.Integrate;
import org.junit.jupiter.api.Test;

/** The progress line and its two outputs (terminal bar, log records). */
class ProgressTest {

  @Test
  void lineShowsCountRateAndEta() {
    // 250 of 1000 in 10 s: 25/s, 750 left → 30 s; a quarter of the 24-wide bar
    assertThat(Progress.line(250, 1000, 10.0), equalTo(
        "[######..................]  250/1000 samples  25.0/s  ETA 0:30"));
    assertThat(Progress.line(0, 1000, 3.0), equalTo(
        "[........................]    0/1000 samples  -  ETA -"));
    assertThat(Progress.line(1000, 1000, 50.0), equalTo(
        "[########################] 1000/1000 samples  20.0/s  ETA 0:00"));
    // 1 of 10001 in 1 s: 10000 s left = 2:46:40
    assertThat(Progress.line(1, 10001, 1.0), startsWith("[........................]"));
    assertThat(Progress.line(1, 10001, 1.0).endsWith("ETA 2:46:40"), is(true));
    assertThat("done is clamped to total", Progress.line(12, 10, 1.0),
        startsWith("[########################] 10/10"));
  }

  /** Sleeps a little per element and counts it like Integrate does. */
  static final class SlowCount extends DoFn<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private final Counter done = Metrics.counter(Integrate.COUNTER_NAMESPACE,
        Integrate.SAMPLES_DONE_COUNTER);

    @ProcessElement
    public void process(@Element Integer i, OutputReceiver<Integer> out)
        throws InterruptedException {
      Thread.sleep(60);
      done.inc();
      out.output(i);
    }
  }

  @Test
  void withoutATerminalProgressGoesToTheLogAndCountsEverySample() throws Exception {
    DirectOptions o = PipelineOptionsFactory.create().as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    o.setBlockOnRun(false);
    o.setTargetParallelism(1);
    Pipeline p = Pipeline.create(o);
    List<Integer> items = java.util.stream.IntStream.range(0, 40).boxed().toList();
    p.apply(Create.of(items)).apply(ParDo.of(new SlowCount()));
    StringWriter log = new StringWriter();
    StringWriter bar = new StringWriter();
    JsonLog.configure(JsonLog.Level.INFO, JsonLog.Format.JSON, log);
    try {
      PipelineResult r = p.run();
      PipelineResult.State s = Progress.await(r, items.size(), false, new PrintWriter(bar),
          "ev", 0.0);
      assertThat(s, is(PipelineResult.State.DONE));
      assertThat("the counter saw every element", Progress.samplesDone(r),
          is((long) items.size()));
    } finally {
      JsonLog.configure(JsonLog.Level.INFO, JsonLog.Format.JSON, new PrintWriter(System.err));
    }
    assertThat("no bar without a terminal", bar.toString(), equalTo(""));
    List<JsonNode> recs = ObservabilityRunTest.records(log.toString());
    // at 60 ms per element the run takes > 2 s, i.e. at least one poll before the end
    assertThat(recs.size(), greaterThanOrEqualTo(1));
    long prev = 0;
    for (JsonNode n : recs) {
      long done = n.get("metrics").get("samples_done").asLong();
      assertThat(done, greaterThanOrEqualTo(prev));
      assertThat(done, lessThanOrEqualTo((long) items.size()));
      assertThat(n.get("module").asText(), equalTo("run.progress"));
      prev = done;
    }
  }

  @Test
  void onATerminalTheBarIsRewrittenInPlace() {
    PipelineResult done = new PipelineResult() {
      @Override
      public State getState() {
        return State.RUNNING;
      }

      @Override
      public State cancel() {
        return State.CANCELLED;
      }

      @Override
      public State waitUntilFinish(org.joda.time.Duration duration) {
        return State.DONE;
      }

      @Override
      public State waitUntilFinish() {
        return State.DONE;
      }

      @Override
      public org.apache.beam.sdk.metrics.MetricResults metrics() {
        throw new UnsupportedOperationException("no metrics on this runner");
      }
    };
    StringWriter bar = new StringWriter();
    assertThat(Progress.await(done, 10, true, new PrintWriter(bar), "ev"),
        is(PipelineResult.State.DONE));
    assertThat(bar.toString(), startsWith("\r[........................]  0/10 samples"));
    assertThat(bar.toString(), not(equalTo("")));
    assertThat(bar.toString().endsWith(System.lineSeparator()), is(true));
  }
}
