// The CLI's commands: one file each, registered here.
import type { Command } from 'commander';

export type Register = (program: Command) => void;

export const commands: Register[] = [];
