/** `npm run ops -- <command> [flags]`: the back office's command line (run-ops.ts). */
import { runOps } from './run-ops';

void runOps(process.argv.slice(2), {
  env: process.env,
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  cwd: process.cwd(),
}).then(({ code }) => {
  process.exitCode = code;
});
