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
