/** Where upload progress goes: a redrawn bar on a terminal, else a line at each tenth. */
export interface ProgressSink {
  write(text: string): void;
  isTTY?: boolean;
  columns?: number;
}

const MB = 1024 * 1024;
const size = (bytes: number) =>
  bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** `label [#####.....]  45%  1.2 MB / 2.6 MB` */
export function progressBar(label: string, sent: number, total: number, width: number): string {
  const share = total > 0 ? Math.min(1, sent / total) : 1;
  const pct = `${Math.floor(share * 100)}%`.padStart(4);
  const tail = `${pct}  ${size(sent)} / ${size(total)}`;
  const barWidth = Math.max(10, Math.min(40, width - label.length - tail.length - 6));
  const done = Math.round(share * barWidth);
  return `${label} [${'#'.repeat(done)}${'.'.repeat(barWidth - done)}] ${tail}`;
}

/** Counts bytes as `bytes` is read and reports them to `sink`; ends the line when the stream ends. */
export async function* withProgress(
  bytes: AsyncIterable<Uint8Array>,
  total: number,
  label: string,
  sink: ProgressSink,
): AsyncGenerator<Uint8Array> {
  let sent = 0;
  let lastTenth = -1;
  const report = () => {
    if (sink.isTTY) {
      sink.write(`\r${progressBar(label, sent, total, sink.columns ?? 80)}`);
      return;
    }
    const tenth = total > 0 ? Math.floor((sent / total) * 10) : 10;
    if (tenth === lastTenth || (tenth === 0 && sent < total)) return;
    lastTenth = tenth;
    sink.write(`${label}: ${tenth * 10}%\n`);
  };
  for await (const chunk of bytes) {
    sent += chunk.byteLength;
    report();
    yield chunk;
  }
  if (sent === 0) report();
  if (sink.isTTY) sink.write('\n');
}
