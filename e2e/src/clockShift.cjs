// Test-only preload for the built server (NODE_OPTIONS=--require): shifts the process clock by the
// number of milliseconds written in $E2E_CLOCK_FILE, re-read whenever the file changes. A browser test
// cannot wait out a real publicity period (days), so it moves the server's "today" past the closing date.
// Each offset read is acknowledged in "$E2E_CLOCK_FILE.ack", so the test waits for the server, not for time.
const { readFileSync, watchFile, existsSync, writeFileSync } = require("node:fs");

const file = process.env.E2E_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  let offset = 0;
  const read = () => {
    try {
      offset = existsSync(file) ? Number(readFileSync(file, "utf8").trim()) || 0 : 0;
    } catch {
      offset = 0;
    }
    writeFileSync(`${file}.ack`, String(offset));
  };
  read();
  watchFile(file, { interval: 100, persistent: false }, read);
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
