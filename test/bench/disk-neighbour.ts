import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * A neighbour on the ledger's disk: another process that writes 64 KB and fsyncs it, in a loop, over a
 * 4 MB file beside the ledger, as a backup or a busy app would. The same load in every run, unlike
 * whatever else the shared machine happens to be doing.
 */
const neighbourScript = `
const fs = require('node:fs');
const fd = fs.openSync(process.argv[1], 'w');
const block = Buffer.alloc(64 * 1024, 7);
let fsyncs = 0;
process.on('SIGTERM', () => { process.stdout.write(String(fsyncs)); process.exit(0); });
const loop = () => {
  for (const until = Date.now() + 50; Date.now() < until; fsyncs += 1) {
    fs.writeSync(fd, block, 0, block.length, (fsyncs % 64) * block.length);
    fs.fsyncSync(fd);
  }
  setImmediate(loop);
};
loop();
`;

export interface DiskNeighbour {
  /** Stops it; resolves with how many fsyncs it made. */
  stop(): Promise<number>;
}

export const startDiskNeighbour = (dir: string): DiskNeighbour => {
  const child = spawn(process.execPath, ['-e', neighbourScript, path.join(dir, 'neighbour.bin')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      return Number(output);
    },
  };
};
