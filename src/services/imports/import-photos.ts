import { insertImportRowPhotos } from '../../store/contact-photos.repo';
import type { NewRow } from '../../store/database';
import type { Conn } from '../../store/store';
import { photoColumns, preparePhoto } from '../contact-photos.service';
import { storedWarnings } from './import-stored';

/**
 * Photos being normalised while the preview reads on: one at a time, on one libvips thread, while the
 * main thread parses the next cards — so a 2-core machine uses both. Measured on 10,000 photos: two in
 * flight took no less time and 15 MB more peak RSS (307 MB against 292 MB) than one.
 */
const PHOTOS_IN_FLIGHT = 1;
/**
 * Normalised photos written per statement batch (each up to ~100 KB of base64). Fewer held at once
 * is a smaller preview peak: on 10,000 photos, 100 a batch peaked at 316 MB RSS and 25 at 290 MB
 * (load 15-22); the statements cost nothing beside the ~3.5 ms of CPU each photo takes to normalise,
 * so 10, below the best measured, was taken (10 itself was not measured apart; the photo import now
 * peaks at 228-237 MB, bench/RESULTS.md).
 */
const PHOTO_BATCH = 10;

/** A preview row waiting for its photo: a bad photo adds a warning to it (the contact is kept). */
export interface PhotoRow {
  record: NewRow<'import_rows'>;
  base64: string;
}

/** Normalises a preview's photos in bounded concurrency and stores them in import_row_photos. */
export class ImportPhotos {
  private readonly inFlight = new Set<Promise<void>>();
  private done: NewRow<'import_row_photos'>[] = [];
  /** Rows that had no warning before their photo failed (the counts count rows with warnings). */
  newlyWarned = 0;

  constructor(
    private readonly db: Conn,
    private readonly accountId: string,
    private readonly runId: string,
  ) {}

  /** Starts one photo, first waiting for a free slot. */
  async add(row: PhotoRow): Promise<void> {
    while (this.inFlight.size >= PHOTOS_IN_FLIGHT) await Promise.race(this.inFlight);
    const job = this.normalise(row).finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  /** Waits for every photo started and writes the normalised ones; call before the rows are written. */
  async flush(): Promise<void> {
    await Promise.all(this.inFlight);
    await this.write();
  }

  private async normalise({ record, base64 }: PhotoRow): Promise<void> {
    const result = await preparePhoto(Buffer.from(base64, 'base64'));
    if ('problem' in result) {
      const warnings = storedWarnings(record.warnings ?? null);
      if (warnings.length === 0) this.newlyWarned++;
      warnings.push(`line ${record.line}: ${result.problem}; the photo was skipped`);
      record.warnings = JSON.stringify(warnings);
      return;
    }
    this.done.push({
      account_id: this.accountId,
      run_id: this.runId,
      line: record.line,
      ...photoColumns(result.photo),
    });
    if (this.done.length >= PHOTO_BATCH) await this.write();
  }

  private async write(): Promise<void> {
    const rows = this.done;
    this.done = [];
    if (rows.length) await insertImportRowPhotos(this.db, rows);
  }
}
