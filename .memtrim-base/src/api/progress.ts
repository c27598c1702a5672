import { z } from 'zod';

export const PhaseSchema = z.enum(['targets', 'sweep', 'arp', 'mdns', 'http', 'fingerprint', 'config', 'ghost-call', 'checks', 'reach', 'report']);
export type Phase = z.infer<typeof PhaseSchema>;

/** Progress of a long operation; `total` may grow (retransmissions are not counted in it). */
export const ProgressSchema = z.object({
  phase: PhaseSchema,
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  found: z.number().int().min(0),
  elapsedMs: z.number().min(0),
  message: z.string().optional(),
});
export type Progress = z.infer<typeof ProgressSchema>;
