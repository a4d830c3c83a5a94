import { runCli } from './main';

const ac = new AbortController();
process.on('SIGINT', () => ac.abort());
void runCli(
  process.argv.slice(2),
  {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => process.stderr.write(s.startsWith('\r') ? s : `${s}\n`),
    isTty: !!process.stderr.isTTY,
    env: process.env,
  },
  ac.signal,
).then((code) => {
  process.exitCode = code;
});
