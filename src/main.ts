// Entry point of `npm start` and `npx shekara`.
import { runCli } from './cli.ts';

await runCli(process.argv);
