// Test-only preload for machine-failures.test.ts: the child `strategy build` gets a file-system error
// (FAIL_CODE, e.g. ENOSPC or EACCES) on the FAIL_AFTER-th file it writes into its temporary output,
// as a full disk or a read-only folder would give it.
const fs = require('node:fs');

const code = process.env.FAIL_CODE;
const after = Number(process.env.FAIL_AFTER || '3');
let written = 0;

function failing(original) {
  return function (target, ...rest) {
    if (String(target).includes('.building-') && ++written === after) {
      const err = new Error(`${code}: simulated, write '${target}'`);
      err.code = code;
      err.syscall = 'write';
      err.path = String(target);
      throw err;
    }
    return original.call(this, target, ...rest);
  };
}

fs.writeFileSync = failing(fs.writeFileSync);
