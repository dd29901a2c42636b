import net from 'node:net';

/** Resolves when nothing listens on host:port; rejects with a one-line reason otherwise. */
export function assertPortFree(port: number, service: string, envVar: string, host = '127.0.0.1'): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'is already in use' : `cannot be opened (${err.code ?? err.message})`;
      reject(
        new PortError(
          `${service}: port ${port} on ${host} ${why}. Stop what holds it or set ${envVar} to another port.`,
        ),
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

export class PortError extends Error {}

export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new PortError(`${name}=${raw} is not a port number (1-65535).`);
  }
  return port;
}

/**
 * `preferred` when it is free, else any free port: for private services (a test's throwaway database) whose
 * port nobody types, where a stray process on the usual port should not fail the run.
 */
export async function preferredOrFreePort(preferred: number, host = '127.0.0.1'): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, host, () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  const port = (await tryListen(preferred)) ?? (await tryListen(0));
  if (port === undefined) throw new PortError(`no free port on ${host} for a private service`);
  return port;
}
