/**
 * The address ledger of the site published before (`lifecycle.ts`): from `build --previous`, a
 * folder or an http(s) address, else from the output folder the build replaces. A site published
 * before the ledger existed has none, which is an empty ledger; one that cannot be read stops the
 * build, since going on without it could give a story's old address to another story.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EMPTY_LEDGER, LEDGER_FILE, parseLedger, type AddressLedger } from '../corpus/lifecycle.ts';

const TIMEOUT_MS = 30_000;

/** The ledger's text at `location`, or null when there is none (no file, HTTP 404). */
async function ledgerText(location: string): Promise<string | null> {
  if (!/^https?:\/\//i.test(location)) {
    return readFile(path.join(location, LEDGER_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw new Error(`Không đọc được ${path.join(location, LEDGER_FILE)} (${error.code})`);
    });
  }
  const url = new URL(LEDGER_FILE, location.endsWith('/') ? location : `${location}/`);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`Không tải được sổ địa chỉ ${url} (${(error as Error).message})`);
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`Không tải được sổ địa chỉ ${url} (HTTP ${response.status})`);
  return response.text();
}

/** The ledger published at `location` (a folder or an http(s) address of the site); empty when it has none. */
export async function readPreviousLedger(location: string): Promise<AddressLedger> {
  const text = await ledgerText(location);
  if (text === null) return EMPTY_LEDGER;
  try {
    return parseLedger(text);
  } catch (error) {
    throw new Error(`${location}: ${(error as Error).message}`);
  }
}
