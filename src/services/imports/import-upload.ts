import { importUploadChunk, insertImportUploadChunks } from '../../store/import-uploads.repo';
import type { Conn } from '../../store/store';

/** A stored chunk holds about this many characters of decoded lines. */
const CHUNK_CHARS = 256 * 1024;

/**
 * Keeps a copy of the decoded lines as they are read, in chunks written with the preview's rows,
 * so a generic CSV can be read again with another mapping. The upload is bounded as every upload
 * is (IMPORT_BODY_LIMIT, at most MAX_PENDING_PREVIEWS previews), and dropped with the preview.
 */
export class UploadCopy {
  private lines: string[] = [];
  private chars = 0;
  private seq = 0;
  private ready: { seq: number; text: string }[] = [];
  private keeping = true;

  constructor(private readonly source: AsyncIterable<string>) {}

  async *read(): AsyncGenerator<string> {
    for await (const line of this.source) {
      if (this.keeping) {
        this.lines.push(line);
        this.chars += line.length + 1;
        if (this.chars >= CHUNK_CHARS) this.cut();
      }
      yield line;
    }
  }

  /** Stop copying (the file is not a generic CSV) and forget what was kept. */
  stop(): void {
    this.keeping = false;
    this.lines = [];
    this.ready = [];
  }

  /** Writes the chunks completed so far; with `end`, the rest too. */
  async flush(db: Conn, accountId: string, runId: string, end = false): Promise<void> {
    if (!this.keeping) return;
    if (end && this.lines.length) this.cut();
    const chunks = this.ready;
    this.ready = [];
    await insertImportUploadChunks(db, accountId, runId, chunks);
  }

  private cut(): void {
    this.ready.push({ seq: this.seq++, text: this.lines.join('\n') });
    this.lines = [];
    this.chars = 0;
  }
}

/** A stored upload's lines, chunk by chunk (one chunk in memory at a time). */
export async function* storedUploadLines(db: Conn, accountId: string, runId: string): AsyncGenerator<string> {
  for (let seq = 0; ; seq++) {
    const text = await importUploadChunk(db, accountId, runId, seq);
    if (text === undefined) return;
    yield* text.split('\n');
  }
}
