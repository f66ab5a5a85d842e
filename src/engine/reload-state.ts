import { LoadState } from "../kb/load-state.js";
import type { KnowledgeBase } from "../kb/types.js";
import { IndexMemo } from "./index-parts.js";

/**
 * What a load and index build know that makes the next reload of the same data directory cheap:
 * file stamps and parsed files, check results, and each deal's and fact's part of the index.
 * Made by openIndex, carried by the index it returns, and owned from then on by the LiveIndex
 * serving that index; never shared between data directories.
 */
export class ReloadState {
  readonly load = new LoadState();
  readonly index = new IndexMemo();

  /** The knowledge base now in service: the next load keeps its objects where they come out equal. */
  accept(kb: KnowledgeBase): void {
    this.load.accept(kb);
  }
}
