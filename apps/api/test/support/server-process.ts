import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort } from '@pilar/provisioning/embedded';

const API_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Another operating-system account to run the server as (the tests run as root in CI). */
export interface Account {
  uid: number;
  gid: number;
}

/** `src/main.ts` as its own process, exactly as `pnpm start` runs it, with its output collected. */
const spawnServer = (env: Record<string, string>, account?: Account) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      PORT: '0',
      // Tests and benchmarks sign up many studios from one address.
      SIGNUP_LIMIT_PER_ADDRESS: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...account,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, exited, output: () => output };
};

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  output(): string;
  /** Settles with the exit code when the process ends by itself (or is stopped). */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts a server process and waits until it answers /health. The free port it is given may be
 * taken before it binds it (an outgoing connection's ephemeral port): then it starts on another.
 */
export const startServerProcess = async (
  env: Record<string, string>,
  account?: Account,
): Promise<ServerProcess> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(env, account);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
};

const startOnFreePort = async (
  env: Record<string, string>,
  account?: Account,
): Promise<ServerProcess> => {
  const port = await freeLoopbackPort();
  const server = spawnServer({ ...env, PORT: String(port) }, account);
  let running = true;
  void server.exited.then(() => {
    running = false;
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!running) throw new Error(`server exited during start-up:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${server.output()}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: server.child.pid ?? 0,
    output: server.output,
    exited: server.exited,
    stop: (signal = 'SIGTERM') => {
      server.child.kill(signal);
      return server.exited;
    },
  };
};

/** Runs a server process expecting it to refuse to start; returns its exit code and output. */
export const runFailingStart = async (env: Record<string, string>) => {
  const server = spawnServer(env);
  return { code: await server.exited, output: server.output() };
};
