// Ctrl-C: the first aborts the running operation (the command then prints the
// partial result, marked cancelled, and exits 130); the second exits at once.
import { EXIT } from './exit-codes.js';

export function onInterrupt(ac: AbortController, notice: () => void): () => void {
  let count = 0;
  const handler = (): void => {
    count++;
    if (count === 1) {
      notice();
      ac.abort();
    } else {
      process.exit(EXIT.cancelled);
    }
  };
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGINT', handler);
  };
}
