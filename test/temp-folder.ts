/**
 * Vitest global setup: every temporary folder the tests make (builds, content, caches, browser
 * profiles) goes into one folder for the run, removed when the run ends, rather than piling up
 * in the system's temporary folder run after run (a site build of the fixtures is megabytes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const run = mkdtempSync(path.join(os.tmpdir(), 'toa-soan-tests-'));
  // Test workers, and the processes they start, inherit it; os.tmpdir() reads it at each call.
  process.env.TMPDIR = run;
  return () => rmSync(run, { recursive: true, force: true });
}
