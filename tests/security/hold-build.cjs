// Test-only preload for atomic-dist.test.ts: makes a child `strategy build` stop at a chosen point of
// writing its output, so the test can SIGKILL it there deterministically instead of racing a timer.
//   HOLD_AT=writing  after HOLD_AFTER files have been written into the temporary folder
//   HOLD_AT=swap     just before the old output is moved aside
//   HOLD_AT=between  after the old output was moved aside, before the new one is moved in
//   HOLD_AT=throw    throw an error instead of writing file number HOLD_AFTER (a crash mid-build)
// On reaching the point it writes HOLD_SIGNAL and blocks; the test then kills it.
const fs = require('node:fs');

const at = process.env.HOLD_AT;
const after = Number(process.env.HOLD_AFTER || '5');
const signal = process.env.HOLD_SIGNAL;
let written = 0;

function hold() {
  fs.writeFileSync(signal, String(process.pid));
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000);
}

function counting(original) {
  return function (target, ...rest) {
    if (String(target).includes('.building-') && !String(target).endsWith('.strategy-build')) {
      written += 1;
      if (written === after && at === 'writing') hold();
      if (written === after && at === 'throw') throw new Error('simulated crash while writing the output');
    }
    return original.call(this, target, ...rest);
  };
}

const writeFileSync = fs.writeFileSync;
fs.writeFileSync = counting(writeFileSync);
const copyFileSync = fs.copyFileSync;
fs.copyFileSync = (from, to, ...rest) => counting((t, ...r) => copyFileSync.call(fs, from, t, ...r))(to, ...rest);
const renameSync = fs.renameSync;
fs.renameSync = (from, to) => {
  if (at === 'swap' && String(to).includes('.previous-')) hold();
  if (at === 'between' && String(from).includes('.building-')) hold();
  return renameSync.call(fs, from, to);
};
