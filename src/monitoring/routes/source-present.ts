import type { SourceRow } from '../sources/source-repository.js';
import { webhookPath } from '../sources/source-service.js';

/** A source as the API shows it: never its secret, and its config only as the address. */
export function presentSource(s: SourceRow) {
  return {
    id: s.id,
    kind: s.kind,
    name: s.name,
    unitIds: s.unitIds,
    enabled: s.enabled,
    pollSeconds: s.pollSeconds,
    url: typeof s.config.url === 'string' ? s.config.url : null,
    webhookPath: s.kind === 'webhook' ? webhookPath(s.id) : null,
  };
}
