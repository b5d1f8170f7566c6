import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './fixture-site.ts';

/**
 * The Daily Papers API's recorded answers for 157 days of 2024 (`../shared/real/api-2024/`, see
 * `../shared/real/README.md`), read where they are rather than copied into the repository.
 */
export const recordedAnswersDir = join(repoRoot, '../shared/real/api-2024');

/** The recorded answer of a day, as bytes; throws when the day was not recorded, so a test never passes on nothing. */
export function recordedAnswer(day: string): Buffer {
  return readFileSync(join(recordedAnswersDir, `${day}.json`));
}

/** Answers one request for `day`; `count` is how many requests this server has had, this one included. */
export type Handler = (day: string, response: ServerResponse, count: number) => void;

/** A real HTTP server on 127.0.0.1 and an ephemeral port, and the days it was asked for. */
export interface ApiServer {
  url: string;
  asked: string[];
  close: () => Promise<void>;
}

/** Replays the recorded answer of the day asked for, as the API would (an unrecorded day lists nothing: `[]`). */
export const replay: Handler = (day, response) => {
  const body = existsSync(join(recordedAnswersDir, `${day}.json`)) ? recordedAnswer(day) : Buffer.from('[]');
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  response.end(body);
};

/** Starts a server on 127.0.0.1:0 that answers `/api/daily_papers?date=…` with `handle`, and anything else with 404. */
export async function startApiServer(handle: Handler = replay): Promise<ApiServer> {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const day = url.searchParams.get('date');
    if (url.pathname !== '/api/daily_papers' || !day) return void response.writeHead(404).end();
    asked.push(day);
    handle(day, response, asked.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The URL of a port nothing listens on: a server's, once closed. Connecting to it is refused. */
export async function closedPortUrl(): Promise<string> {
  const server = await startApiServer();
  await server.close();
  return server.url;
}
