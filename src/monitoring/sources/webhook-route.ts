import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../http/errors.js';
import type { App } from '../../http/server.js';
import { recordFailure, recordSuccess } from './source-repository.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook, webhookItems } from './webhook.js';

/**
 * `POST /api/v1/monitoring/webhooks/:id`: mentions pushed by an outside system, signed with the
 * source's secret over the exact bytes of the body (so the body is read raw here and parsed only
 * after the signature holds). Answers 202 once the mentions are safe in the stream.
 */
export function webhookRoute(api: App, ctx: AppContext): void {
  void api.register((plain, _opts, done) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.removeContentTypeParser(['application/json']);
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, next) => next(null, body));
    scope.post(
      '/monitoring/webhooks/:id',
      {
        schema: {
          tags: ['monitoring'],
          summary: 'Push mentions into a webhook source (HMAC-signed)',
          description:
            'Body: {"mentions": [{platform?, externalId, text, createdAt?, url?, authorHandle?, ...}]} (at most 1000). ' +
            'Headers: X-Chhavi-Timestamp (unix seconds, within 5 minutes) and X-Chhavi-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under the source secret>. ' +
            'Errors: 401 unauthenticated (signature), 404 not_found (no such webhook source), 400 bad_request (body).',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          response: {
            202: Type.Object({
              accepted: Type.Integer(),
              rejected: Type.Array(Type.Object({ index: Type.Integer(), message: Type.String() })),
            }),
          },
        },
        config: { policy: { public: true, why: 'webhook source: authenticated by the HMAC signature of the source secret' } },
      },
      async (req, reply) => {
        const source = await ctx.ingestion.sources.get(req.params.id);
        const secret = source && source.kind === 'webhook' && source.enabled ? ctx.ingestion.sources.secretOf(source) : null;
        if (!source || !secret) throw new AppError('not_found', 'webhook source not found');
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const header = (name: string) => {
          const v = req.headers[name];
          return Array.isArray(v) ? v[0] : v;
        };
        const check = verifyWebhook(secret, { signature: header(SIGNATURE_HEADER), timestamp: header(TIMESTAMP_HEADER) }, raw);
        if (!check.ok) {
          await recordFailure(ctx.db, source.id, `refused a request: ${check.reason}`);
          throw new AppError('unauthenticated', 'the webhook signature is missing, stale or wrong', { reason: check.reason });
        }
        let body: unknown;
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new AppError('bad_request', 'the body is not valid JSON');
        }
        const parsed = webhookItems(source, body);
        if ('error' in parsed) throw new AppError('bad_request', parsed.error);
        await ctx.ingestion.pipeline.publish(parsed.items);
        let last: string | null = null;
        for (const it of parsed.items) if (last === null || it.createdAt > last) last = it.createdAt;
        await recordSuccess(ctx.db, source.id, parsed.items.length, last);
        return reply.code(202).send({ accepted: parsed.items.length, rejected: parsed.rejected });
      },
    );
    done();
  });
}
