import type { PagedTemplate, PageData } from '../../src/render/context.ts';
import { LEDGER_FILE, ledgerJson, type AddressLedger } from '../../src/corpus/lifecycle.ts';

interface LedgerData extends PageData {
  addresses: { url: string; ledger: AddressLedger };
}

/**
 * `/addresses.json`: the address ledger, every address each story has had, published with the site
 * so the next build (here or in CI, `build --previous`) keeps old addresses working and never gives
 * one to another story. One page, whose description is the ledger, so it is written when it changes.
 */
export function addressesTemplate(): PagedTemplate<LedgerData['addresses'], LedgerData> {
  return {
    alias: 'addresses',
    pages: ({ corpus }) => [{ url: `/${LEDGER_FILE}`, ledger: corpus.lifecycle.ledger }],
    data: { permalink: `/${LEDGER_FILE}`, eleventyExcludeFromCollections: true },
    render: ({ addresses }) => ledgerJson(addresses.ledger),
  };
}
