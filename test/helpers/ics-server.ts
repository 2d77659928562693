import { createServer, type Server } from 'node:http';

/** A real HTTP server on loopback serving one calendar, as Google's secret address or Outlook would. */
export interface IcsServer {
  url: string;
  /** What the next GET returns. */
  serve(body: string): void;
  /** Every request's Authorization header, in order. */
  auths: (string | undefined)[];
  stop(): Promise<void>;
}

export async function startIcsServer(opts: { user?: string; password?: string } = {}): Promise<IcsServer> {
  let body = '';
  const auths: (string | undefined)[] = [];
  const expected = opts.user
    ? `Basic ${Buffer.from(`${opts.user}:${opts.password ?? ''}`).toString('base64')}`
    : null;
  const server: Server = createServer((req, res) => {
    auths.push(req.headers.authorization);
    if (req.url !== '/calendar.ics') {
      res.writeHead(404, 'Not Found').end();
      return;
    }
    if (expected && req.headers.authorization !== expected) {
      res.writeHead(401, 'Unauthorized', { 'www-authenticate': 'Basic realm="cal"' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    serve: (b) => {
      body = b;
    },
    auths,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A VCALENDAR of the given VEVENT property lists (each a list of "NAME:value" lines). */
export function calendar(events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tend tests//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
