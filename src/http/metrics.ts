import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyReply, FastifyRequest } from 'fastify';

const started = new WeakMap<FastifyRequest, bigint>();

/** Prometheus metrics for one process: Node's defaults, HTTP latency, and whatever capabilities register. */
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  readonly contentType = this.registry.contentType;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'chhavi_' });
    this.duration = new Histogram({
      name: 'chhavi_http_request_duration_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
  }

  counter(name: string, help: string, labelNames: string[] = []): Counter<string> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  start(req: FastifyRequest): void {
    started.set(req, process.hrtime.bigint());
  }

  finish(req: FastifyRequest, reply: FastifyReply): void {
    const t0 = started.get(req);
    if (t0 === undefined) return;
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    this.duration.observe({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
