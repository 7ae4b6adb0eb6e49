import { open } from 'node:fs/promises';
import { escapeControls, MAX_DECLARATION_BYTES } from '../declaration/index.ts';

/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The real terminal. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Exit codes the CLI promises: 0 success, 1 invalid input or I/O failure, 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** The text with control characters escaped (`\u001b`, `\r`, `\u202e`) on each of its lines. */
export function printableLines(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}

/**
 * The same output with every message made safe for a terminal: what goes to stderr has its
 * control characters escaped, since messages quote file names, arguments and file content that
 * could otherwise recolour or rewrite the terminal. Exports on stdout are passed through as they
 * are: they are the product, not a message.
 */
export function withPrintableMessages(io: CliIo): CliIo {
  return { stdout: io.stdout, stderr: (text) => io.stderr(printableLines(text)) };
}

/**
 * Ends the process quietly, with exit code 0, when whoever reads its output has stopped reading
 * (`privacy-disclosure export ... | head`): a closed pipe is the reader's choice, not a failure.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(EXIT.ok);
      throw error;
    });
  }
}

/** A file system error in words a vendor understands, e.g. "no such file". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ELOOP':
      return 'too many symbolic links (a link that points to itself?)';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'EIO':
      return 'input/output error on the device';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Reads a declaration file's bytes, or says why it cannot. Reads at most one byte past the size
 * limit, so that `/dev/zero` or a runaway pipe is reported as too large instead of filling memory.
 */
export async function readDeclarationFile(
  file: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = new Uint8Array(MAX_DECLARATION_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  } finally {
    await handle?.close();
  }
}
