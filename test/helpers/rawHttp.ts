import http from 'node:http';

export interface RawRequest {
  method?: string;
  path: string;
  /** Sent exactly as given (Host included: it defaults to ours). fetch() would add or refuse some (Origin, Sec-Fetch-*). */
  headers?: Record<string, string | string[]>;
  body?: string;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request to 127.0.0.1:port with exactly the headers given, as a
 * browser of another page or a hostile program could send it. An event stream
 * is read up to its first chunk, then closed.
 */
export function rawRequest(port: number, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method ?? 'GET',
        path: request.path,
        headers: { Host: `127.0.0.1:${port}`, ...request.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        const done = () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (res.headers['content-type']?.startsWith('text/event-stream')) {
            res.destroy();
            done();
          }
        });
        res.on('end', done);
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
