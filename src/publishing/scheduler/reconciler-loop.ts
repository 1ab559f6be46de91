import type { Logger } from '../../log/logger.js';
import type { PublishScheduler } from './scheduler.js';

export interface RunningLoop {
  stop(): Promise<void>;
}

/**
 * Runs the scheduler's sweep every `intervalMs`, always (processes with the scheduler role). A
 * failed sweep is logged and the next one runs as usual; stop waits for the sweep in progress.
 */
export function startReconcilerLoop(scheduler: PublishScheduler, logger: Logger, intervalMs = 1_000): RunningLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    current = scheduler
      .sweep()
      .then(
        (r) => {
          if (r.scheduled || r.held || r.dueNotApproved || r.resent) logger.debug({ sweep: r }, 'publishing sweep');
        },
        (err: unknown) => logger.error({ err }, 'publishing sweep failed'),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
