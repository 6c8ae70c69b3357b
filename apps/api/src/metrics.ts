import type { MailObserver, ProvisioningObserver } from '@pilar/provisioning';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Prometheus metrics of this process: provisioning outcomes and timings, mail delivery, Node defaults. */
export const createMetrics = () => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const runs = new Counter({
    name: 'provisioning_runs_finished_total',
    help: 'Provisioning runs finished by this process, by final status',
    labelNames: ['status'],
    registers: [registry],
  });
  const runDuration = new Histogram({
    name: 'provisioning_run_duration_seconds',
    help: 'Duration of one execution of a run up to its final status',
    labelNames: ['status'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const stepDuration = new Histogram({
    name: 'provisioning_step_duration_seconds',
    help: 'Duration of one step attempt, by step and outcome (done, retry, failed)',
    labelNames: ['step', 'outcome'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const stepFailures = new Counter({
    name: 'provisioning_step_failures_total',
    help: 'Failed step attempts, by step and whether the run failed with it',
    labelNames: ['step', 'final'],
    registers: [registry],
  });
  new Gauge({
    name: 'provisioning_success_ratio',
    help: 'Share of runs finished by this process that became ready (1 when none finished yet)',
    registers: [registry],
    async collect() {
      const values = (await runs.get()).values;
      const count = (status: string) => values.find((v) => v.labels.status === status)?.value ?? 0;
      const finished = count('ready') + count('failed');
      this.set(finished === 0 ? 1 : count('ready') / finished);
    },
  });

  const mailsSent = new Counter({
    name: 'mail_delivered_total',
    help: 'Mails accepted by the SMTP server, by template',
    labelNames: ['template'],
    registers: [registry],
  });
  const mailFailures = new Counter({
    name: 'mail_delivery_failures_total',
    help: 'Failed mail delivery attempts, by template and whether the mail was given up',
    labelNames: ['template', 'final'],
    registers: [registry],
  });
  const mailObserver: MailObserver = {
    delivered: (template) => mailsSent.inc({ template }),
    failed: (template, final) => mailFailures.inc({ template, final: String(final) }),
  };

  const observer: ProvisioningObserver = {
    stepFinished: (step, outcome, seconds) => {
      stepDuration.observe({ step, outcome }, seconds);
      if (outcome !== 'done') stepFailures.inc({ step, final: String(outcome === 'failed') });
    },
    runFinished: (status, seconds) => {
      runs.inc({ status });
      runDuration.observe({ status }, seconds);
    },
  };
  return { registry, observer, mailObserver };
};

export type Metrics = ReturnType<typeof createMetrics>;
