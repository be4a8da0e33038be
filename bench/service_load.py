#!/usr/bin/env python3
"""Load test of `darkflight serve` (issue 19 section 5); run it through bench/service-load.sh.

Against a running service it opens slow-loris connections (half trickle header bytes, half send a
partial request and go idle), fires runaway requests (schema-valid ensembles whose 0.1 ms rk4
steps would run for hours) and N concurrent valid requests (each retried on 429 after its Retry-After
until it gets an answer), while it probes GET /healthz every 100 ms and samples the server's RSS. It prints the
/healthz latency (max, p99), the peak RSS, the status counts, and whether the cancelled runs
really stopped (darkflight_simulations_in_flight back to 0, server CPU idle afterwards).
Standard library only. Exit 0: /healthz always answered within the limit and the runaway work
stopped; 1: a criterion failed; 2: the test could not run.
"""
import argparse
import http.client
import json
import os
import socket
import statistics
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENT = os.path.join(ROOT, "testdata", "events", "synthetic-calm")


def load(name):
    with open(os.path.join(EVENT, name), encoding="utf-8") as f:
        return json.load(f)


def body(samples, seed, runaway=False):
    physics = load("physics_config.json")
    if runaway:
        physics["integration"].update(
            {"dt_initial_s": 1e-4, "dt_min_s": 1e-4, "dt_max_s": 1e-4, "max_steps": 1000000000})
    return json.dumps({
        "event": load("event.json"), "atmos": load("atmos_profile.json"),
        "physics_config": physics, "fragments": load("fragments.json"),
        "ensemble": {"mode": "monte_carlo", "samples": samples, "random_seed": seed,
                     "distributions": {"mass_kg": {"dist": "lognormal", "params": {"sigma": 0.2}}}},
    }).encode("utf-8")


class Probe(threading.Thread):
    """GET /healthz every interval; records latencies and failures."""

    def __init__(self, host, port, interval, limit_s):
        super().__init__(daemon=True)
        self.host, self.port, self.interval, self.limit_s = host, port, interval, limit_s
        self.latencies, self.failures = [], []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            t0 = time.monotonic()
            try:
                c = http.client.HTTPConnection(self.host, self.port, timeout=30)
                c.request("GET", "/healthz")
                r = c.getresponse()
                r.read()
                c.close()
                if r.status != 200:
                    self.failures.append("status %d" % r.status)
            except OSError as e:
                self.failures.append(repr(e))
            self.latencies.append(time.monotonic() - t0)
            self.stop.wait(self.interval)


class Rss(threading.Thread):
    """Samples VmRSS of the server process."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.stop = pid, 0, threading.Event()

    def run(self):
        while not self.stop.is_set():
            self.peak_kb = max(self.peak_kb, rss_kb(self.pid))
            self.stop.wait(0.1)


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def slow_loris(host, port, count, stop):
    socks = []
    for i in range(count):
        s = socket.create_connection((host, port), timeout=30)
        if i % 2 == 0:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        else:
            s.sendall(b"POST /simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 60000\r\n\r\n{\"event\": ")
        socks.append(s)
    closed = 0
    while not stop.is_set():
        for s in socks[0::2]:  # trickle one byte per second on the header ones
            try:
                s.sendall(b"a")
            except OSError:
                closed += 1
        stop.wait(1.0)
    for s in socks:
        s.close()
    return closed


def post(host, port, payload, timeout, retries, statuses, lock):
    for _ in range(retries):
        try:
            c = http.client.HTTPConnection(host, port, timeout=timeout)
            c.request("POST", "/simulate", body=payload,
                      headers={"Content-Type": "application/json"})
            r = c.getresponse()
            r.read()
            c.close()
            with lock:
                statuses[r.status] = statuses.get(r.status, 0) + 1
            if r.status != 429:
                return r.status
            wait = float(r.getheader("Retry-After", "1"))
        except OSError as e:
            with lock:
                statuses[repr(type(e).__name__)] = statuses.get(repr(type(e).__name__), 0) + 1
            wait = 1.0
        time.sleep(wait)  # a well-behaved client honours Retry-After
    return None


def metric(host, port, name):
    c = http.client.HTTPConnection(host, port, timeout=30)
    c.request("GET", "/metrics")
    text = c.getresponse().read().decode()
    c.close()
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--slow", type=int, default=10)
    ap.add_argument("--valid", type=int, default=50)
    ap.add_argument("--valid-samples", type=int, default=20)
    ap.add_argument("--runaway", type=int, default=3)
    ap.add_argument("--healthz-limit-s", type=float, default=1.0)
    ap.add_argument("--json", default=None)
    a = ap.parse_args()

    probe = Probe(a.host, a.port, 0.1, a.healthz_limit_s)
    rss = Rss(a.pid)
    probe.start()
    rss.start()
    stop_loris = threading.Event()
    loris = threading.Thread(target=slow_loris, args=(a.host, a.port, a.slow, stop_loris),
                             daemon=True)
    loris.start()
    time.sleep(2)
    statuses, lock = {}, threading.Lock()
    threads = []
    t0 = time.monotonic()
    for i in range(a.runaway):
        threads.append(threading.Thread(target=post, args=(
            a.host, a.port, body(1000, 100 + i, runaway=True), 600, 120, statuses, lock)))
    for i in range(a.valid):
        threads.append(threading.Thread(target=post, args=(
            a.host, a.port, body(a.valid_samples, i), 600, 600, statuses, lock)))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    load_s = time.monotonic() - t0
    # the runaway runs were answered 504: their computation must stop
    t1 = time.monotonic()
    in_flight = metric(a.host, a.port, "darkflight_simulations_in_flight")
    while in_flight and time.monotonic() - t1 < 120:
        time.sleep(0.2)
        in_flight = metric(a.host, a.port, "darkflight_simulations_in_flight")
    ticks0 = cpu_ticks(a.pid)
    time.sleep(5)
    idle_cpu_pct = (cpu_ticks(a.pid) - ticks0) / os.sysconf("SC_CLK_TCK") / 5 * 100
    stop_loris.set()
    loris.join()
    probe.stop.set()
    rss.stop.set()
    probe.join()
    rss.join()
    lat = sorted(probe.latencies)
    p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))] if lat else float("nan")
    result = {
        "slow_loris_connections": a.slow, "valid_requests": a.valid,
        "valid_samples": a.valid_samples, "runaway_requests": a.runaway,
        "load_duration_s": round(load_s, 1),
        "healthz_probes": len(lat), "healthz_failures": len(probe.failures),
        "healthz_latency_max_s": round(max(lat), 4) if lat else None,
        "healthz_latency_p99_s": round(p99, 4), "healthz_latency_median_s":
            round(statistics.median(lat), 4) if lat else None,
        "rss_peak_mb": round(rss.peak_kb / 1024, 1),
        "statuses": {str(k): v for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))},
        "cancelled_total": metric(a.host, a.port, "darkflight_simulations_cancelled_total"),
        "in_flight_after": in_flight, "stop_wait_s": round(time.monotonic() - t1 - 5, 1),
        "server_cpu_pct_idle_after": round(idle_cpu_pct, 1),
    }
    print(json.dumps(result, indent=2))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(result, f, indent=2)
    ok = (lat and max(lat) < a.healthz_limit_s and not probe.failures and in_flight == 0
          and idle_cpu_pct < 20)
    print("service-load: %s (healthz max %.3f s, limit %.1f s; peak RSS %.0f MB; in flight after"
          " %s; idle CPU %.1f %%)" % ("PASS" if ok else "FAIL", max(lat) if lat else -1,
                                      a.healthz_limit_s, rss.peak_kb / 1024, in_flight,
                                      idle_cpu_pct))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
