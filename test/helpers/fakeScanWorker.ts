import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { ScanFileOutcome } from '../../src-main/scan/scanFile.js';
import type { FromWorker, ToWorker, WorkerLike } from '../../src-main/scan/workerProtocol.js';

/**
 * A scan worker faked at the message protocol, for tests of the coordinator
 * (the real worker thread is run by test/integration/scan/). Each job runs
 * `behave`, which may call the coordinator's store like a real worker does.
 */
export interface Job {
  jobId: number;
  name: string;
  signal: AbortSignal;
  call(op: string, ...args: unknown[]): Promise<unknown>;
}
export type Behaviour = (job: Job, worker: FakeWorker) => Promise<ScanFileOutcome | 'die'>;

export class FakeWorker extends EventEmitter implements WorkerLike {
  readonly received: ToWorker[] = [];
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly #running = new Map<number, AbortController>();
  #nextCall = 1;
  #gone = false;

  constructor(
    readonly behave: Behaviour,
    startFails = false,
  ) {
    super();
    setImmediate(() => {
      if (startFails) this.die('Cannot find module onnxruntime-node');
      else this.#send({ t: 'ready' });
    });
  }

  postMessage(message: ToWorker): void {
    if (this.#gone) return;
    this.received.push(message);
    if (message.t === 'job') void this.#run(message.jobId, path.basename(message.path));
    if (message.t === 'cancel') this.#running.get(message.jobId)?.abort();
    if (message.t === 'reply') {
      const waiting = this.#pending.get(message.callId)!;
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
    }
  }

  terminate(): Promise<number> {
    this.die(null);
    return Promise.resolve(1);
  }

  die(error: string | null): void {
    if (this.#gone) return;
    this.#gone = true;
    if (error) this.emit('error', new Error(error));
    setImmediate(() => this.emit('exit', 1));
  }

  #send(message: FromWorker): void {
    if (!this.#gone) setImmediate(() => this.emit('message', message));
  }

  async #run(jobId: number, name: string): Promise<void> {
    const controller = new AbortController();
    this.#running.set(jobId, controller);
    const call = (op: string, ...args: unknown[]) =>
      new Promise<unknown>((resolve, reject) => {
        const callId = this.#nextCall++;
        this.#pending.set(callId, { resolve, reject });
        this.#send({ t: 'call', callId, jobId, op: op as never, args });
      });
    const outcome = await this.behave({ jobId, name, signal: controller.signal, call }, this);
    if (outcome === 'die') this.die(`worker crashed on ${name}`);
    else this.#send({ t: 'result', jobId, outcome });
  }
}
