import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one process: defaults, HTTP latency by route, and gauges others register. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'shekara_' });
  const duration = new Histogram({
    name: 'shekara_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const logins = new Counter({ name: 'shekara_logins_total', help: 'Sign-in attempts by outcome', labelNames: ['outcome'], registers: [registry] });
  return {
    registry,
    logins,
    observeRequest(method: string, route: string, status: number, seconds: number) {
      duration.labels(method, route, String(status)).observe(seconds);
    },
    /** A counter whose running total another part keeps (read when scraped). */
    counter(name: string, help: string, total: () => number) {
      return new Counter({
        name,
        help,
        registers: [registry],
        collect() {
          this.reset();
          this.inc(total());
        },
      });
    },
    gauge(name: string, help: string, collect: () => Promise<number>) {
      return new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          this.set(await collect());
        },
      });
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
