import type { Diagnostic } from '../../diagnostics/diagnostic.js';

/** A block that cannot render (e.g. a chart spec error) throws this; its diagnostics are reported. */
export class BlockDiagnostics extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super('block diagnostics');
    this.name = 'BlockDiagnostics';
  }
}
