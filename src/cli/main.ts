import { CommanderError } from 'commander';
import { buildProgram } from './program';
import { CliError, type Transport, UsageError } from './transport';

// Exit codes: 0 done, 1 the request failed (API error, network, configuration), 2 usage error.

async function main(argv: string[]): Promise<number> {
  let transport: Transport | undefined;
  try {
    await buildProgram((t) => {
      transport = t;
    }).parseAsync(argv);
    return 0;
  } catch (error) {
    // Commander has already printed its message (or the help); --help and --version exit 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      console.error(`tend: ${error.message}`);
      return error instanceof UsageError ? 2 : 1;
    }
    // Unexpected: still one line, unless TEND_DEBUG asks for the stack.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`tend: ${process.env.TEND_DEBUG && error instanceof Error ? error.stack : message}`);
    return 1;
  } finally {
    await transport?.close().catch(() => {});
  }
}

// `tend contacts list | head`: a reader that stops early is not an error; keep going so the store closes.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});

const code = await main(process.argv);
// Exit only once piped output is flushed: process.exit() would cut a long `--json` at the pipe's buffer size.
const flush = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => stream.write('', () => resolve()));
await Promise.all([flush(process.stdout), flush(process.stderr)]);
process.exit(code);
