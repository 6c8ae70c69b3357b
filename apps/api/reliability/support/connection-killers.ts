import type postgres from 'postgres';

/** The provisioning steps that write a table of their own, and that table. */
export const STEP_TABLES = {
  voice: 'phone_numbers',
  whatsapp: 'whatsapp_channels',
  integrations: 'tenant_integrations',
  ai_profile: 'conversations',
} as const;

// A test-only trigger: the first attempt of each step kills its own database connection in
// the middle of the step's transaction, as a failover or a network cut would.
export const installConnectionKillers = async (admin: postgres.Sql) => {
  await admin.unsafe(`
    create function kill_own_connection() returns trigger language plpgsql as $$
    begin
      if (select attempts from provisioning_steps
          where tenant_id = new.tenant_id and name = tg_argv[0]) = 1 then
        perform pg_terminate_backend(pg_backend_pid());
      end if;
      return new;
    end $$`);
  for (const [step, table] of Object.entries(STEP_TABLES)) {
    await admin.unsafe(
      `create trigger kill_${step} before insert on ${table} for each row execute function kill_own_connection('${step}')`,
    );
  }
};

export const removeConnectionKillers = async (admin: postgres.Sql) => {
  for (const [step, table] of Object.entries(STEP_TABLES)) {
    await admin.unsafe(`drop trigger kill_${step} on ${table}`);
  }
};

/** Terminates every other connection to the database; returns how many it ended. */
export const terminateOtherConnections = async (admin: postgres.Sql) => {
  const killed = await admin`
    select pg_terminate_backend(pid) as killed from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`;
  return killed.filter((row) => row.killed).length;
};

/**
 * Waits for every run to be ready; returns how many made it within the time. Reads over
 * `admin`, whose connection the killers spare.
 */
export const readyRunCount = async (admin: postgres.Sql, runIds: string[], timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await admin<{ status: string }[]>`
      select status from provisioning_runs where id in ${admin(runIds)}`;
    const ready = rows.filter((row) => row.status === 'ready').length;
    if (ready === runIds.length || Date.now() > deadline) return ready;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
